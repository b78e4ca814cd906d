import type { SyncCollections } from '../../shared/sync';
import { OFF_BY_DEFAULT, USER_COLLECTIONS } from '../../shared/sync/syncOps';
import type { SyncStateRepository } from './syncStateRepository';

/** Which collections the user syncs; one never chosen is on unless it is off by default. */
export class SyncCollectionChoice {
  constructor(private readonly state: SyncStateRepository) {}

  get(): SyncCollections {
    const stored = this.state.get<Partial<SyncCollections> | null>('collections', null) ?? {};
    return Object.fromEntries(
      USER_COLLECTIONS.map((name) => [name, stored[name] ?? !OFF_BY_DEFAULT.includes(name)]),
    ) as SyncCollections;
  }

  set(patch: Partial<SyncCollections>): void {
    this.state.set('collections', { ...this.get(), ...patch });
  }
}
