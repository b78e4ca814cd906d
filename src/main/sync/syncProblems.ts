import type { SyncProblemView } from '../../shared/sync';
import type { Logger } from '../log';
import type { SyncStateRepository } from './syncStateRepository';

const PROBLEMS_KEPT = 20;

export type SyncSource = 'folder' | 'relay';

/** What sync refused and why, newest first, in sentences the sync screen shows. */
export class SyncProblems {
  constructor(
    private readonly state: SyncStateRepository,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {}

  list(): SyncProblemView[] {
    return this.state.get<SyncProblemView[]>('problems', []);
  }

  /** A refusal already listed is not listed again: one the folder repeats at every sync would crowd out the rest. */
  report(source: SyncSource, message: string): void {
    this.log.warn('sync refused a blob', { source });
    const listed = this.list();
    if (listed.some((problem) => problem.source === source && problem.message === message)) return;
    this.state.set('problems', [{ at: this.now(), source, message }, ...listed].slice(0, PROBLEMS_KEPT));
  }
}
