import type { Database } from 'better-sqlite3';
import { memorySecrets } from '../vault/memorySecrets';
import { sealBlob } from '../../src/shared/sync/syncBlob';
import { newDeviceKeys } from '../../src/shared/sync/syncKeys';
import type { SyncOp } from '../../src/shared/sync/syncOps';
import { SyncCollectionChoice } from '../../src/main/sync/syncCollectionChoice';
import type { SyncedCollection } from '../../src/main/sync/syncedCollections';
import { SyncFolderInvites } from '../../src/main/sync/syncFolderInvites';
import { SyncGroupKeys } from '../../src/main/sync/syncGroupKeys';
import { currentEpoch } from '../../src/main/sync/syncIdentity';
import { SyncInbox } from '../../src/main/sync/syncInbox';
import { SyncJournal } from '../../src/main/sync/syncJournal';
import { SyncProblems } from '../../src/main/sync/syncProblems';
import { desktopMember, SyncRoster } from '../../src/main/sync/syncRoster';
import { SyncStateRepository } from '../../src/main/sync/syncStateRepository';

export const NOW = 1_750_000_000_000;

/** The parts of state sync on one database, wired as SyncService wires them, for each part's tests. */
export function syncParts(db: Database, collections: SyncedCollection[] = [], now = () => NOW) {
  const vault = memorySecrets();
  const state = new SyncStateRepository(db);
  const latestStamp = (): string | null => journal.fields.latestStamp();
  const keys = new SyncGroupKeys({ vault, state, now, latestStamp });
  const journal: SyncJournal = new SyncJournal({ db, state, keys, now });
  const roster = new SyncRoster(journal.fields);
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const problems = new SyncProblems(state, log, now);
  const choice = new SyncCollectionChoice(state);
  const inbox = new SyncInbox({ keys, journal, roster, problems, collections, choice });
  const invites = new SyncFolderInvites(now);
  const problemTexts = () => problems.list().map((problem) => problem.message);
  return { vault, state, keys, journal, roster, problems, choice, inbox, invites, now, problemTexts };
}

/** This desktop, Desk, in a group with one other desktop, Laptop, whose blobs a test seals. */
export async function groupWithLaptop(parts: ReturnType<typeof syncParts>) {
  const { keys, journal } = parts;
  const identity = await keys.create();
  const laptop = newDeviceKeys();
  journal.commit([
    journal.memberOp(identity.device.id, desktopMember('Desk', identity.device)),
    journal.memberOp(laptop.id, desktopMember('Laptop', laptop)),
  ]);
  const epoch = currentEpoch(identity.ring);
  return {
    identity,
    laptop,
    seal: (counter: number, ops: SyncOp[]) => sealBlob(epoch, laptop, { kind: 'ops', counter, ops }),
  };
}
