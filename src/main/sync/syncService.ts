import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/envelope';
import type { SyncCollections, SyncInvite, SyncView } from '../../shared/sync';
import { decodeKeyRing, encodeKeyRing, newEpochKey } from '../../shared/sync/syncKeys';
import { DELETED_FIELD, ROSTER_COLLECTION, type SyncOp } from '../../shared/sync/syncOps';
import type { EventHub } from '../api/events';
import type { Logger } from '../log';
import { captureChanges } from './syncCapture';
import { SyncCollectionChoice } from './syncCollectionChoice';
import type { SyncedCollection } from './syncedCollections';
import { SyncFolderInvites } from './syncFolderInvites';
import { SyncFolderTransport } from './syncFolderTransport';
import { SyncGroupKeys } from './syncGroupKeys';
import type { SecretStore, SyncIdentity } from './syncIdentity';
import { SyncInbox } from './syncInbox';
import { SyncJournal } from './syncJournal';
import { SyncPeerTransport, type SyncPeer } from './syncPeerTransport';
import { SyncProblems, type SyncSource } from './syncProblems';
import { desktopMember, SyncRoster } from './syncRoster';
import { SyncStateRepository } from './syncStateRepository';
import { syncView } from './syncView';

export type { SyncPeer } from './syncPeerTransport';

export interface SyncServiceOptions {
  db: Database;
  vault: SecretStore;
  collections: SyncedCollection[];
  events: EventHub;
  log: Logger;
  deviceName: string;
  now?: () => number;
}

/**
 * End-to-end encrypted state sync: the user's data as an op log with last-writer-wins per field, sealed into
 * padded, signed, HMAC-named blobs that move through a sync folder and, live, to paired phones. This front
 * holds the group's lifecycle (set up, invite, join, remove) and runs a sync; the parts do the work.
 */
export class SyncService {
  private readonly keys: SyncGroupKeys;
  private readonly journal: SyncJournal;
  private readonly roster: SyncRoster;
  private readonly problems: SyncProblems;
  private readonly choice: SyncCollectionChoice;
  private readonly inbox: SyncInbox;
  private readonly invites: SyncFolderInvites;
  private readonly folder: SyncFolderTransport;
  private readonly peers: SyncPeerTransport;
  private running: Promise<SyncView> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SyncServiceOptions) {
    const { db, vault, log } = options;
    const now = options.now ?? Date.now;
    const state = new SyncStateRepository(db);
    const latestStamp = (): string | null => journal.fields.latestStamp();
    const keys = (this.keys = new SyncGroupKeys({ vault, state, now, latestStamp }));
    const journal = (this.journal = new SyncJournal({ db, state, keys, now }));
    const roster = (this.roster = new SyncRoster(journal.fields));
    const problems = (this.problems = new SyncProblems(state, log, now));
    this.choice = new SyncCollectionChoice(state);
    const inbox = (this.inbox = new SyncInbox({
      keys,
      journal,
      roster,
      problems,
      collections: options.collections,
      choice: this.choice,
    }));
    const invites = (this.invites = new SyncFolderInvites(now));
    this.folder = new SyncFolderTransport({ state, keys, journal, roster, inbox, problems, invites, now });
    this.peers = new SyncPeerTransport({ blobs: journal.blobs, roster, state });
  }

  /**
   * Opens the folder and syncs every `intervalMs` (0: only when asked), but only once sync is in use: the
   * keychain is not touched, and no keys are made, for a user who never set sync up.
   */
  async start(intervalMs: number): Promise<void> {
    await this.folder.open();
    if (intervalMs > 0) {
      this.timer = setInterval(() => void this.syncIfInUse().catch(() => undefined), intervalMs);
      this.timer.unref();
    }
  }

  /** Syncs when there is someone to sync with: a folder, another member, or a phone online. */
  async syncIfInUse(): Promise<void> {
    const others = this.roster.others(this.keys.selfId()).length > 0;
    if (this.folder.current || others || this.peers.connected) await this.syncNow();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  status(): SyncView {
    // All from the database, so the view never waits on the keychain.
    return syncView({
      self: this.keys.selfId(),
      members: this.roster.active(),
      ledger: this.journal.ledger(),
      lastSync: this.journal.lastSync(),
      folder: this.folder.view(),
      collections: this.choice.get(),
      problems: this.problems.list(),
      epoch: this.keys.epoch(),
    });
  }

  async setFolder(path: string | null): Promise<SyncView> {
    await this.folder.use(path);
    return path === null ? this.changed() : this.syncNow();
  }

  setCollections(patch: Partial<SyncCollections>): SyncView {
    this.choice.set(patch);
    return this.changed();
  }

  /** Writes what changed here, then exchanges blobs through the folder and with phones online. */
  syncNow(): Promise<SyncView> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  async invite(): Promise<SyncInvite> {
    const folder = this.folder.require('Choose a sync folder first: the other desktop joins through it.');
    const identity = await this.ensureGroup();
    return this.invites.create(folder, encodeKeyRing(identity.ring), this.roster.ops());
  }

  /**
   * Joins the group another desktop invited this one to, through the same folder. This desktop's own data
   * is kept: it becomes ops in the group like any change.
   */
  async join(code: string): Promise<SyncView> {
    const folder = this.folder.require('Choose the same sync folder as the other desktop first.');
    const { keys, invite } = await this.invites.read(folder, code);
    if (this.roster.others(this.keys.selfId()).length > 0) {
      throw new ApiError(
        'invalid_state',
        'This desktop already syncs with other devices; remove them first.',
      );
    }
    const ring = decodeKeyRing(invite.ring);
    this.journal.transaction(() => {
      this.journal.startOver(invite.roster);
      this.folder.forgetProgress();
      this.peers.forgetProgress();
    });
    const { device } = await this.keys.join(ring);
    const member = desktopMember(this.options.deviceName, device);
    const { name, sign, box } = member;
    await this.invites.answer(folder, keys, { v: 1, id: device.id, name, sign, box });
    this.journal.commit([this.journal.memberOp(device.id, member)]);
    return this.syncNow();
  }

  /**
   * Removes a device and rotates the group key: the new key goes to each remaining device (sealed to it in
   * the folder, pushed to phones), so the removed one reads nothing written from now on.
   */
  async removeDevice(id: string): Promise<SyncView> {
    const identity = await this.ensureGroup();
    const member = this.roster.active().find((candidate) => candidate.id === id);
    if (!member) throw new ApiError('not_found', 'That device is not in this sync group.');
    if (id === identity.device.id)
      throw new ApiError('invalid_request', 'This desktop cannot remove itself.');
    // A key another device granted first is taken before a new one is made, unless the device removed now
    // signed it: that is how the user settles two grants that conflict.
    const disputed = await this.folder.receiveGrants(identity, new Set([id]));
    const { device, ring } = this.keys.current ?? identity;
    const removal = this.journal.op(ROSTER_COLLECTION, id, DELETED_FIELD, true);
    const epoch = newEpochKey(ring, disputed ?? 0);
    await this.keys.extend(epoch);
    this.journal.commit([removal]);
    await this.folder.grant(epoch, device, { removed: id, t: removal.t }, this.roster.others(device.id));
    if (member.fingerprint) this.peers.drop(member.fingerprint);
    return this.syncNow();
  }

  /** Removes the phone paired under this fingerprint, if it is in the group. */
  async removePhone(fingerprint: string): Promise<void> {
    const phone = this.roster.active().find((member) => member.fingerprint === fingerprint);
    if (phone) await this.removeDevice(phone.id);
  }

  /** What a phone needs to join at pairing: the key ring and the roster. */
  async groupFor(): Promise<{ ring: string; roster: SyncOp[] }> {
    const identity = await this.ensureGroup();
    return { ring: encodeKeyRing(identity.ring), roster: this.roster.ops() };
  }

  /** A phone that paired joins the roster, named as it was paired. */
  async addPhone(phone: {
    id: string;
    name: string;
    sign: string;
    box: string;
    fingerprint: string;
  }): Promise<void> {
    await this.ensureGroup();
    const { id, name, sign, box, fingerprint } = phone;
    this.journal.commit([this.journal.memberOp(id, { name, kind: 'phone', sign, box, fingerprint })]);
    await this.syncNow();
  }

  /** A phone came online: it says how far it got per origin, and gets what it lacks. */
  attachPeer(peer: SyncPeer, has: Readonly<Record<string, number>>): () => void {
    return this.peers.attach(peer, has);
  }

  /** Blobs a device sent; each is opened, checked and applied on its own, so a bad one costs only itself. */
  async receive(blobs: readonly Uint8Array[], source: SyncSource): Promise<void> {
    await this.keys.load();
    for (const bytes of blobs) await this.inbox.accept(bytes, source);
    this.changed();
  }

  /** Forgets the group here (for a local data reset): keys from the vault, state from the database. */
  reset(): void {
    this.keys.forget();
    this.folder.close();
  }

  private async run(): Promise<SyncView> {
    const identity = await this.ensureGroup();
    const enabled = this.choice.get();
    const collections = this.options.collections.filter((collection) => enabled[collection.name]);
    this.journal.commit(await captureChanges(collections, this.journal));
    await this.folder.sync(identity);
    this.peers.push();
    return this.changed();
  }

  /** The first sync makes this desktop a group of one: its keys, epoch 1, and itself in the roster. */
  private async ensureGroup(): Promise<SyncIdentity> {
    const loaded = await this.keys.load();
    if (loaded) return loaded;
    const identity = await this.keys.create();
    const { device } = identity;
    this.journal.commit([this.journal.memberOp(device.id, desktopMember(this.options.deviceName, device))]);
    return identity;
  }

  private changed(): SyncView {
    const view = this.status();
    this.options.events.emit('sync.changed', view);
    return view;
  }
}
