import { HybridClock } from '../../shared/sync/hlc';
import { newDeviceKeys, newEpochKey, type EpochKey } from '../../shared/sync/syncKeys';
import {
  currentEpoch,
  forgetIdentity,
  loadIdentity,
  saveIdentity,
  type SecretStore,
  type SyncIdentity,
} from './syncIdentity';
import type { SyncStateRepository } from './syncStateRepository';

export interface SyncGroupKeysOptions {
  vault: SecretStore;
  state: SyncStateRepository;
  now: () => number;
  /** The newest stamp this desktop stored, which a new clock must follow. */
  latestStamp: () => string | null;
}

/**
 * This desktop's keys in the sync group, as the vault holds them, and its clock. The clock lives with the
 * keys because its stamps carry this device's id: there is one exactly while there are keys.
 */
export class SyncGroupKeys {
  private identity: SyncIdentity | null = null;
  private clock: HybridClock | null = null;

  constructor(private readonly options: SyncGroupKeysOptions) {}

  get current(): SyncIdentity | null {
    return this.identity;
  }

  /** This device's id as last adopted, from the database, so a status never waits on the keychain. */
  selfId(): string | null {
    return this.options.state.get<string | null>('self', null);
  }

  /** The epoch of the newest group key, from the database like selfId. */
  epoch(): number {
    return this.options.state.get<number>('epoch', 0);
  }

  /** The keys from the vault, read once; null for a desktop that never set sync up, and none are made. */
  async load(): Promise<SyncIdentity | null> {
    if (this.identity) return this.identity;
    const identity = await loadIdentity(this.options.vault);
    if (identity) this.adopt(identity);
    return this.identity;
  }

  /** A group of one: new device keys and epoch 1. */
  create(): Promise<SyncIdentity> {
    return this.save({ device: newDeviceKeys(), ring: [newEpochKey([])] });
  }

  /** New device keys in the group whose key ring an invite carried. */
  join(ring: EpochKey[]): Promise<SyncIdentity> {
    return this.save({ device: newDeviceKeys(), ring });
  }

  /** Adds a new group key, made here (a device was removed) or granted by another device. */
  async extend(epoch: EpochKey): Promise<SyncIdentity> {
    const identity = this.identity;
    if (!identity) throw new Error('sync has no key ring to extend');
    return this.save({ ...identity, ring: [...identity.ring, epoch] });
  }

  /** Stamps this desktop's next op. */
  stamp(): string {
    if (!this.clock) throw new Error('sync has no clock before it has keys');
    return this.clock.tick();
  }

  /** Follows a stamp another device made; throws SyncInputError for one too far ahead. */
  observe(stamp: string): void {
    this.clock?.observe(stamp);
  }

  /** Forgets the group here: the keys leave the vault. */
  forget(): void {
    forgetIdentity(this.options.vault);
    this.identity = null;
    this.clock = null;
  }

  private async save(identity: SyncIdentity): Promise<SyncIdentity> {
    await saveIdentity(this.options.vault, identity);
    this.adopt(identity);
    return identity;
  }

  private adopt(identity: SyncIdentity): void {
    const { state, now, latestStamp } = this.options;
    this.identity = identity;
    state.set('self', identity.device.id);
    state.set('epoch', currentEpoch(identity.ring).epoch);
    this.clock = new HybridClock(identity.device.id, now);
    // A clock that restarted must still follow every stamp this desktop stored.
    const latest = latestStamp();
    if (latest) this.clock.observe(latest);
  }
}
