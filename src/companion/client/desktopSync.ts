import type { DesktopMessage, PhoneMessage } from '../../shared/pairing/messages';
import type { PhoneState } from '../core/phoneState';
import {
  applySyncBlobs,
  applySyncGroup,
  inRoster,
  memberOf,
  nameFor,
  namesFor,
  newSyncReplica,
  syncHas,
  type SyncedName,
  type SyncedNames,
} from '../core/phoneSync';
import { type PhoneStateWriter, withDesktop } from './phoneStateWriter';

type SyncGroupMessage = Extract<DesktopMessage, { t: 'syncGroup' }>;

/** The state after a change, or null when there is nothing to save. */
export interface SyncUpdate {
  next: PhoneState | null;
}

/**
 * The desktop's ring and roster. The first one creates this phone's sync identity; `announce` is set
 * whenever the roster does not list the phone, so it is sent again, e.g. after the first answer was lost.
 */
export function joinSyncGroup(
  state: PhoneState,
  desktopId: string,
  group: SyncGroupMessage,
): SyncUpdate & { announce: ReturnType<typeof memberOf> | null } {
  const desktop = state.desktops.find((entry) => entry.id === desktopId);
  if (!desktop || desktop.status !== 'active') return { next: null, announce: null };
  const sync = desktop.sync ? applySyncGroup(desktop.sync, group) : newSyncReplica(group);
  return {
    next: withDesktop(state, { ...desktop, sync }),
    announce: inRoster(sync) ? null : memberOf(sync.device),
  };
}

/** Blobs from the desktop, applied in order; `refused` says why any were not, and the rest still apply. */
export function applyDesktopBlobs(
  state: PhoneState,
  desktopId: string,
  blobs: readonly string[],
): SyncUpdate & { refused: string[] } {
  const desktop = state.desktops.find((entry) => entry.id === desktopId);
  if (!desktop || desktop.status !== 'active') return { next: null, refused: [] };
  if (!desktop.sync) {
    return {
      next: null,
      refused: ['Synced data arrived before the sync keys, so it was ignored; it comes again next time.'],
    };
  }
  const { replica, report } = applySyncBlobs(desktop.sync, blobs);
  const refused = report.refused.map((entry) => entry.message);
  if (report.applied === 0) return { next: null, refused };
  return { next: withDesktop(state, { ...desktop, sync: replica }), refused };
}

export interface DesktopSyncOptions {
  writer: PhoneStateWriter;
  online(desktopId: string): boolean;
  send(desktopId: string, message: PhoneMessage): void;
  changed(): void;
}

/** Sync problems kept per desktop, newest last: enough to show what went wrong, not a log. */
const MAX_SYNC_ISSUES = 20;

/** The phone's replicas of its desktops' sync groups: the names it shows, and what went wrong. */
export class DesktopSync {
  private readonly issues = new Map<string, string[]>();

  constructor(private readonly options: DesktopSyncOptions) {}

  names(desktopId: string): SyncedNames {
    return namesFor(this.replica(desktopId));
  }

  nameFor(desktopId: string, address: string, chainId: number | null): SyncedName | null {
    return nameFor(this.replica(desktopId), address, chainId);
  }

  issuesWith(desktopId: string): string[] {
    return [...(this.issues.get(desktopId) ?? [])];
  }

  /** The phone's sync identity is saved before it is announced, so the desktop never lists one it lost. */
  async group(desktopId: string, group: SyncGroupMessage): Promise<void> {
    const outcome: Pick<ReturnType<typeof joinSyncGroup>, 'announce'> = { announce: null };
    await this.options.writer.persist((state) => {
      const update = joinSyncGroup(state, desktopId, group);
      outcome.announce = update.announce;
      return update.next;
    });
    this.options.changed();
    if (outcome.announce && this.options.online(desktopId)) {
      this.options.send(desktopId, { t: 'syncMember', ...outcome.announce });
    }
  }

  async blobs(desktopId: string, blobs: readonly string[]): Promise<void> {
    const refused: string[] = [];
    await this.options.writer.persist((state) => {
      const update = applyDesktopBlobs(state, desktopId, blobs);
      refused.push(...update.refused);
      return update.next;
    });
    for (const message of refused) this.noteIssue(desktopId, message);
    this.options.changed();
  }

  /** Tells the desktop which blobs the phone holds, once the writes before it are saved. */
  hello(desktopId: string): void {
    void this.options.writer.settled().then(() => {
      if (!this.options.online(desktopId)) return;
      try {
        this.options.send(desktopId, { t: 'syncHello', has: syncHas(this.replica(desktopId)) });
      } catch (error) {
        this.noteIssue(desktopId, error instanceof Error ? error.message : String(error));
      }
    });
  }

  noteIssue(desktopId: string, message: string): void {
    this.issues.set(desktopId, [...(this.issues.get(desktopId) ?? []), message].slice(-MAX_SYNC_ISSUES));
  }

  private replica(desktopId: string) {
    return this.options.writer.state.desktops.find((entry) => entry.id === desktopId)?.sync;
  }
}
