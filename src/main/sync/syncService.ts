import type { Database } from 'better-sqlite3';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { ApiError } from '../../shared/api/envelope';
import type {
  SyncCollections,
  SyncDeviceView,
  SyncInvite,
  SyncProblemView,
  SyncView,
} from '../../shared/sync';
import { BlobLedger, type LedgerState } from '../../shared/sync/blobLedger';
import {
  MEMBER_FIELD,
  memberValue,
  rosterMembers,
  type MemberValue,
  type SyncMember,
} from '../../shared/sync/roster';
import { applyOps } from '../../shared/sync/fieldStore';
import { HybridClock } from '../../shared/sync/hlc';
import { blobName, headName, openBlob, sealBlob, type OpenedBlob } from '../../shared/sync/syncBlob';
import { SyncBlobError } from '../../shared/sync/syncBlobError';
import { SyncInputError } from '../../shared/sync/syncInputError';
import {
  decodeKeyRing,
  derivedKeys,
  encodeKeyRing,
  newDeviceKeys,
  newEpochKey,
  openSealed,
  sealTo,
} from '../../shared/sync/syncKeys';
import {
  DELETED_FIELD,
  OFF_BY_DEFAULT,
  ROSTER_COLLECTION,
  USER_COLLECTIONS,
  type SyncCollection,
  type SyncOp,
  type SyncValue,
} from '../../shared/sync/syncOps';
import type { EventHub } from '../api/events';
import type { Logger } from '../log';
import type { SyncedCollection, SyncRecord } from './syncedCollections';
import { SyncFieldsRepository } from './syncFieldsRepository';
import { SyncFolder } from './syncFolder';
import {
  currentEpoch,
  EpochGrant,
  forgetIdentity,
  grantEpoch,
  loadIdentity,
  saveIdentity,
  verifyGrant,
  type SecretStore,
  type SyncIdentity,
} from './syncIdentity';
import {
  INVITE_TTL_MS,
  InvitePayload,
  inviteKeys,
  JoinPayload,
  newInviteCode,
  openWithCode,
  sealWithCode,
  type InviteKeys,
} from './syncInvite';
import { SyncLocal } from './syncLocal';
import { SyncState } from './syncState';

/** Ops per blob: a first sync of 10,000 labels becomes many mid-sized blobs rather than one huge one. */
const OPS_PER_BLOB = 200;
const PROBLEMS_KEPT = 20;

export type SyncSource = 'folder' | 'relay';

/** A device connected live (a paired phone through the relay), to which new blobs are pushed. */
export interface SyncPeer {
  /** The phone's pairing fingerprint. */
  fingerprint: string;
  send(blobs: Uint8Array[]): void;
}

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
 * padded, signed, HMAC-named blobs that move through a sync folder and, live, to paired phones. What this
 * desktop changed is found by comparing each collection with how this desktop last had it (sync_local), so
 * every path that writes (a screen, a backup import) syncs without knowing about sync.
 */
export class SyncService {
  private readonly fields: SyncFieldsRepository;
  private readonly local: SyncLocal;
  private readonly state: SyncState;
  private readonly now: () => number;
  private identity: SyncIdentity | null = null;
  private clock: HybridClock | null = null;
  private folder: SyncFolder | null = null;
  private folderError: string | null = null;
  private readonly invites = new Map<string, { keys: InviteKeys; expiresAt: number }>();
  private readonly peers = new Map<string, SyncPeer>();
  private running: Promise<SyncView> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly insertBlob;
  private readonly selectBlobsAfter;
  private readonly selectBlobsFrom;

  constructor(private readonly options: SyncServiceOptions) {
    const { db } = options;
    this.fields = new SyncFieldsRepository(db);
    this.local = new SyncLocal(db);
    this.state = new SyncState(db);
    this.now = options.now ?? Date.now;
    this.insertBlob = db.prepare<[string, number, number, Uint8Array]>(
      'INSERT OR IGNORE INTO sync_blobs (origin, counter, epoch, bytes) VALUES (?, ?, ?, ?)',
    );
    this.selectBlobsAfter = db.prepare<
      [number],
      { rowid: number; origin: string; counter: number; epoch: number; bytes: Uint8Array }
    >('SELECT rowid, origin, counter, epoch, bytes FROM sync_blobs WHERE rowid > ? ORDER BY rowid');
    this.selectBlobsFrom = db.prepare<[string, number], { bytes: Uint8Array }>(
      'SELECT bytes FROM sync_blobs WHERE origin = ? AND counter > ? ORDER BY counter',
    );
  }

  /**
   * Opens the folder and syncs every `intervalMs` (0: only when asked), but only once sync is in use: the
   * keychain is not touched, and no keys are made, for a user who never set sync up.
   */
  async start(intervalMs: number): Promise<void> {
    const path = this.state.get<string | null>('folder', null);
    if (path)
      this.folder = await SyncFolder.open(path).catch((error: unknown) => this.folderFailed(error, path));
    if (intervalMs > 0) {
      this.timer = setInterval(() => void this.syncIfInUse().catch(() => undefined), intervalMs);
      this.timer.unref();
    }
  }

  /** Syncs when there is someone to sync with: a folder, another member, or a phone online. */
  async syncIfInUse(): Promise<void> {
    const self = this.state.get<string | null>('self', null);
    const others = this.members().some((member) => member.id !== self && !member.removed);
    if (this.folder || others || this.peers.size > 0) await this.syncNow();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  status(): SyncView {
    // Both from the database, so the view never waits on the keychain.
    const self = this.state.get<string | null>('self', null);
    const ledger = this.ledger();
    const lastSync = this.state.get<Record<string, number>>('lastSync', {});
    const devices: SyncDeviceView[] = this.members()
      .filter((member) => !member.removed)
      .map((member) => {
        const state = member.id === self ? 'ok' : ledger.status(member.id);
        return {
          id: member.id,
          name: member.name,
          kind: member.kind,
          self: member.id === self,
          lastSyncAt: lastSync[member.id] ?? null,
          state,
          detail: DETAILS[state]?.(member.name) ?? null,
        };
      });
    return {
      devices,
      folder: {
        path: this.state.get<string | null>('folder', null),
        lastSyncAt: this.state.get<number | null>('folderLastSync', null),
        error: this.folderError,
      },
      collections: this.collections(),
      problems: this.state.get<SyncProblemView[]>('problems', []),
      epoch: this.state.get<number>('epoch', 0),
    };
  }

  async setFolder(path: string | null): Promise<SyncView> {
    if (path === null) {
      this.folder = null;
      this.folderError = null;
      this.state.set('folder', null);
      return this.changed();
    }
    this.folder = await SyncFolder.open(path);
    this.folderError = null;
    this.state.set('folder', path);
    // A different folder starts empty of this desktop's blobs: write them all there.
    this.state.set('folderWritten', 0);
    this.state.set('folderHead', null);
    return this.syncNow();
  }

  setCollections(patch: Partial<SyncCollections>): SyncView {
    this.state.set('collections', { ...this.collections(), ...patch });
    return this.changed();
  }

  /** Writes what changed here, then exchanges blobs through the folder and with phones online. */
  syncNow(): Promise<SyncView> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  async invite(): Promise<SyncInvite> {
    if (!this.folder) {
      throw new ApiError('invalid_state', 'Choose a sync folder first: the other desktop joins through it.');
    }
    const identity = await this.ensureGroup();
    const code = newInviteCode();
    const keys = inviteKeys(code);
    const expiresAt = this.now() + INVITE_TTL_MS;
    const payload: InvitePayload = {
      v: 1,
      ring: encodeKeyRing(identity.ring),
      roster: this.rosterOps(),
      expiresAt,
    };
    await this.folder.write(keys.inviteName, sealWithCode(keys, payload));
    this.invites.set(keys.inviteName, { keys, expiresAt });
    return { code, expiresAt };
  }

  /**
   * Joins the group another desktop invited this one to, through the same folder. This desktop's own data
   * is kept: it becomes ops in the group like any change.
   */
  async join(code: string): Promise<SyncView> {
    if (!this.folder) {
      throw new ApiError('invalid_state', 'Choose the same sync folder as the other desktop first.');
    }
    const keys = inviteKeys(code);
    const sealed = await this.folder.read(keys.inviteName);
    if (!sealed) {
      throw new ApiError(
        'not_found',
        'No invite for this code is in the sync folder yet. Check the code, and that the folder has synced.',
      );
    }
    const invite = openWithCode(keys, sealed, InvitePayload);
    if (invite.expiresAt < this.now()) {
      throw new ApiError('invalid_request', 'This invite code expired. Make a new one on the other desktop.');
    }
    const others = this.members().filter(
      (member) => member.id !== this.state.get<string | null>('self', null) && !member.removed,
    );
    if (others.length > 0) {
      throw new ApiError(
        'invalid_state',
        'This desktop already syncs with other devices; remove them first.',
      );
    }
    const device = newDeviceKeys();
    const identity: SyncIdentity = { device, ring: decodeKeyRing(invite.ring) };
    this.options.db.transaction(() => {
      this.options.db.exec('DELETE FROM sync_fields; DELETE FROM sync_blobs; DELETE FROM sync_local;');
      for (const name of ['counter', 'ledger', 'lastSync', 'folderWritten', 'folderHead', 'pushed'])
        this.state.set(name, null);
      applyOps(this.fields, invite.roster);
    })();
    await saveIdentity(this.options.vault, identity);
    this.adopt(identity);
    const join: JoinPayload = {
      v: 1,
      id: device.id,
      name: this.options.deviceName,
      sign: bytesToHex(device.signPublic),
      box: bytesToHex(device.boxPublic),
    };
    await this.folder.write(keys.joinName, sealWithCode(keys, join));
    this.commit([
      this.memberOp(device.id, {
        name: this.options.deviceName,
        kind: 'desktop',
        sign: join.sign,
        box: join.box,
      }),
    ]);
    return this.syncNow();
  }

  /**
   * Removes a device and rotates the group key: the new key goes to each remaining device (sealed to it in
   * the folder, pushed to phones), so the removed one reads nothing written from now on.
   */
  async removeDevice(id: string): Promise<SyncView> {
    const identity = await this.ensureGroup();
    const member = this.members().find((candidate) => candidate.id === id && !candidate.removed);
    if (!member) throw new ApiError('not_found', 'That device is not in this sync group.');
    if (id === identity.device.id)
      throw new ApiError('invalid_request', 'This desktop cannot remove itself.');
    const epoch = newEpochKey(identity.ring);
    const rotated: SyncIdentity = { ...identity, ring: [...identity.ring, epoch] };
    await saveIdentity(this.options.vault, rotated);
    this.adopt(rotated);
    this.commit([this.op(ROSTER_COLLECTION, id, DELETED_FIELD, true)]);
    const remaining = this.members().filter(
      (candidate) => !candidate.removed && candidate.id !== identity.device.id,
    );
    if (this.folder) {
      for (const recipient of remaining) {
        const grant = grantEpoch(epoch, identity.device, recipient.boxPublic);
        await this.folder.write(
          grantName(recipient.boxPublic, epoch.epoch),
          sealTo(recipient.boxPublic, utf8ToBytes(JSON.stringify(grant))),
        );
      }
    }
    if (member.fingerprint) this.peers.delete(member.fingerprint);
    return this.syncNow();
  }

  /** Removes the phone paired under this fingerprint, if it is in the group. */
  async removePhone(fingerprint: string): Promise<void> {
    const phone = this.members().find((member) => member.fingerprint === fingerprint && !member.removed);
    if (phone) await this.removeDevice(phone.id);
  }

  /** What a phone needs to join at pairing: the key ring and the roster. */
  async groupFor(): Promise<{ ring: string; roster: SyncOp[] }> {
    const identity = await this.ensureGroup();
    return { ring: encodeKeyRing(identity.ring), roster: this.rosterOps() };
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
    this.commit([
      this.memberOp(phone.id, {
        name: phone.name,
        kind: 'phone',
        sign: phone.sign,
        box: phone.box,
        fingerprint: phone.fingerprint,
      }),
    ]);
    await this.syncNow();
  }

  /** A phone came online: it says how far it got per origin, and gets what it lacks. */
  attachPeer(peer: SyncPeer, has: Readonly<Record<string, number>>): () => void {
    this.peers.set(peer.fingerprint, peer);
    const missing = this.members()
      .filter((member) => !member.removed)
      .flatMap((member) => this.selectBlobsFrom.all(member.id, has[member.id] ?? 0).map((row) => row.bytes));
    if (missing.length > 0) peer.send(missing);
    return () => {
      if (this.peers.get(peer.fingerprint) === peer) this.peers.delete(peer.fingerprint);
    };
  }

  /** Blobs a device sent; each is opened, checked and applied on its own, so a bad one costs only itself. */
  async receive(blobs: readonly Uint8Array[], source: SyncSource): Promise<void> {
    await this.load();
    for (const bytes of blobs) await this.accept(bytes, source);
    this.changed();
  }

  private async run(): Promise<SyncView> {
    const identity = await this.ensureGroup();
    this.commit(await this.capture());
    if (this.folder) {
      try {
        await this.exchangeWithFolder(this.folder, identity);
        this.folderError = null;
        this.state.set('folderLastSync', this.now());
      } catch (error) {
        this.folderFailed(error, this.folder.path);
      }
    }
    this.pushToPeers();
    return this.changed();
  }

  private async load(): Promise<void> {
    if (this.identity) return;
    const identity = await loadIdentity(this.options.vault);
    if (identity) this.adopt(identity);
  }

  /** The first sync makes this desktop a group of one: its keys, epoch 1, and itself in the roster. */
  private async ensureGroup(): Promise<SyncIdentity> {
    await this.load();
    if (this.identity) return this.identity;
    const device = newDeviceKeys();
    const identity = { device, ring: [newEpochKey([])] };
    await saveIdentity(this.options.vault, identity);
    this.adopt(identity);
    this.commit([
      this.memberOp(device.id, {
        name: this.options.deviceName,
        kind: 'desktop',
        sign: bytesToHex(device.signPublic),
        box: bytesToHex(device.boxPublic),
      }),
    ]);
    return identity;
  }

  private adopt(identity: SyncIdentity): void {
    this.identity = identity;
    this.state.set('self', identity.device.id);
    this.state.set('epoch', currentEpoch(identity.ring).epoch);
    this.clock = new HybridClock(identity.device.id, this.now);
    // A clock that restarted must still follow every stamp this desktop stored.
    const latest = this.options.db
      .prepare<[], { hlc: string | null }>('SELECT max(hlc) AS hlc FROM sync_fields')
      .get();
    if (latest?.hlc) this.clock.observe(latest.hlc);
  }

  private op(c: SyncCollection, k: string, f: string, v: SyncValue): SyncOp {
    if (!this.clock) throw new Error('sync has no clock before it has keys');
    return { c, k, f, v, t: this.clock.tick() };
  }

  /** A member is one field, so its keys never mix across two writes. */
  private memberOp(id: string, member: MemberValue): SyncOp {
    return this.op(ROSTER_COLLECTION, id, MEMBER_FIELD, memberValue(member));
  }

  /** What the user changed here since the last capture, as ops: only fields that differ, deletions too. */
  private async capture(): Promise<SyncOp[]> {
    const ops: SyncOp[] = [];
    const enabled = this.collections();
    for (const collection of this.options.collections) {
      if (!enabled[collection.name]) continue;
      const name = collection.name;
      const before = this.local.all(name);
      const after = await collection.snapshot();
      for (const [key, record] of after) {
        const previous = before.get(key);
        if (previous && sameRecord(previous, record)) continue;
        if (!previous && this.fields.get(name, key, DELETED_FIELD)?.v === true)
          ops.push(this.op(name, key, DELETED_FIELD, false));
        for (const [field, value] of Object.entries(record)) {
          if (!previous || JSON.stringify(previous[field]) !== JSON.stringify(value))
            ops.push(this.op(name, key, field, value));
        }
        for (const field of Object.keys(previous ?? {}))
          if (!(field in record)) ops.push(this.op(name, key, field, null));
      }
      for (const key of before.keys()) if (!after.has(key)) ops.push(this.op(name, key, DELETED_FIELD, true));
    }
    return ops;
  }

  /** Applies this desktop's own ops and seals them into blobs, in one transaction. */
  private commit(ops: SyncOp[]): void {
    const identity = this.identity;
    if (!identity || ops.length === 0) return;
    const epoch = currentEpoch(identity.ring);
    this.options.db.transaction(() => {
      applyOps(this.fields, ops);
      this.recordLocal(ops);
      let counter = this.state.get<number | null>('counter', null) ?? 0;
      const ledger = this.ledger();
      for (let start = 0; start < ops.length; start += OPS_PER_BLOB) {
        counter += 1;
        const bytes = sealBlob(epoch, identity.device, {
          kind: 'ops',
          counter,
          ops: ops.slice(start, start + OPS_PER_BLOB),
        });
        this.insertBlob.run(identity.device.id, counter, epoch.epoch, bytes);
        ledger.accept(identity.device.id, counter);
      }
      this.state.set('counter', counter);
      this.state.set('ledger', ledger.toJSON());
    })();
  }

  /** Keeps sync_local in step with what the collections now hold for every key these ops touched. */
  private recordLocal(ops: readonly SyncOp[]): void {
    for (const { c, k } of uniqueRecords(ops)) {
      if (c === ROSTER_COLLECTION) continue;
      const record = this.fields.record(c, k);
      if (record) this.local.set(c, k, record);
      else this.local.delete(c, k);
    }
  }

  /** One blob: refused ones are reported and skipped; an accepted one is applied with its ledger entry. */
  private async accept(bytes: Uint8Array, source: SyncSource): Promise<void> {
    const identity = this.identity;
    if (!identity) return;
    let opened: OpenedBlob;
    try {
      opened = openBlob(identity.ring, (id) => this.signPublicOf(id), bytes);
    } catch (error) {
      if (error instanceof SyncBlobError) return this.problem(source, error.message);
      throw error;
    }
    if (opened.origin === identity.device.id) return;
    const ledger = this.ledger();
    if (opened.kind === 'head') {
      if (ledger.observeHead(opened.origin, opened.counter) === 'rolled_back') {
        this.problem(
          source,
          `The ${source === 'folder' ? 'sync folder' : 'relay'} served an older state of ${this.nameOf(opened.origin)} than one already seen here: it was rolled back.`,
        );
      }
      this.state.set('ledger', ledger.toJSON());
      return;
    }
    if (ledger.accept(opened.origin, opened.counter) === 'duplicate') return;
    try {
      for (const op of opened.ops) this.clock?.observe(op.t);
    } catch (error) {
      if (!(error instanceof SyncInputError)) throw error;
      this.state.set('ledger', ledger.toJSON());
      return this.problem(
        source,
        `A change from ${this.nameOf(opened.origin)} was ignored: ${error.message}`,
      );
    }
    const touched = new Set<SyncedCollection>();
    const vaulted: {
      collection: SyncedCollection;
      key: string;
      record: SyncRecord | null;
      written: Promise<void>;
    }[] = [];
    this.options.db.transaction(() => {
      const winners = applyOps(this.fields, opened.ops);
      this.insertBlob.run(opened.origin, opened.counter, opened.epoch, bytes);
      this.state.set('ledger', ledger.toJSON());
      this.state.set('lastSync', {
        ...this.state.get<Record<string, number>>('lastSync', {}),
        [opened.origin]: this.now(),
      });
      const enabled = this.collections();
      for (const { c, k } of uniqueRecords(winners).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))) {
        const collection = this.options.collections.find((candidate) => candidate.name === c);
        if (!collection || !enabled[collection.name]) continue;
        const record = this.fields.record(c, k);
        try {
          // Its own savepoint: a write that fails half-way leaves nothing of itself behind.
          // (A vault-backed write answers with a promise, which a transaction function must not return.)
          let written: Promise<void> | undefined;
          this.options.db.transaction(() => {
            written = collection.write(k, record) ?? undefined;
          })();
          if (written) {
            vaulted.push({ collection, key: k, record, written });
            continue;
          }
          this.remember(c, k, record);
          touched.add(collection);
        } catch (error) {
          // What this desktop cannot use stays as it was here, and is not echoed back as a change.
          this.problem(
            source,
            `A synced ${collection.name} entry could not be used here: ${(error as Error).message}`,
          );
        }
      }
    })();
    for (const { collection, key, record, written } of vaulted) {
      try {
        await written;
        this.remember(collection.name, key, record);
        touched.add(collection);
      } catch (error) {
        this.problem(
          source,
          `A synced ${collection.name} entry could not be stored here: ${(error as Error).message}`,
        );
      }
    }
    for (const collection of touched) collection.announce();
  }

  private remember(c: SyncCollection, k: string, record: SyncRecord | null): void {
    if (record) this.local.set(c, k, record);
    else this.local.delete(c, k);
  }

  private async exchangeWithFolder(folder: SyncFolder, identity: SyncIdentity): Promise<void> {
    await this.receiveGrants(folder, identity);
    await this.answerJoins(folder);
    const current = this.identity ?? identity;
    // Write: every blob this desktop holds that the folder has not had yet, then this desktop's head.
    let written = this.state.get<number | null>('folderWritten', null) ?? 0;
    for (const row of this.selectBlobsAfter.all(written)) {
      const epoch = current.ring.find((entry) => entry.epoch === row.epoch);
      const name = epoch && blobName(derivedKeys(epoch).name, row.origin, row.counter);
      // A blob that came from this folder is there already: rewriting it would only cost the user's drive.
      if (name && !(await folder.has(name))) await folder.write(name, row.bytes);
      written = row.rowid;
    }
    this.state.set('folderWritten', written);
    const epoch = currentEpoch(current.ring);
    const counter = this.state.get<number | null>('counter', null) ?? 0;
    const head = headName(derivedKeys(epoch).name, current.device.id);
    if (
      this.state.get<string | null>('folderHead', null) !== `${head}/${counter}` ||
      !(await folder.has(head))
    ) {
      await folder.write(head, sealBlob(epoch, current.device, { kind: 'head', counter }));
      this.state.set('folderHead', `${head}/${counter}`);
    }
    // Read: each member's head, then every blob of theirs this desktop lacks, under whichever epoch it has.
    const names = [...current.ring].reverse().map((entry) => derivedKeys(entry).name);
    for (const member of this.members()) {
      if (member.removed || member.id === current.device.id) continue;
      for (const name of names) {
        const head = await folder.read(headName(name, member.id));
        if (head) {
          await this.accept(head, 'folder');
          break;
        }
      }
      const ledger = this.ledger();
      const wanted = [...ledger.missing(member.id)];
      for (let next = (ledger.toJSON()[member.id]?.contiguous ?? 0) + 1; ; next += 1) {
        if (wanted.includes(next)) continue;
        const found = await this.readBlob(folder, names, member.id, next);
        if (!found) break;
        await this.accept(found, 'folder');
      }
      for (const counter of wanted) {
        const found = await this.readBlob(folder, names, member.id, counter);
        if (found) await this.accept(found, 'folder');
      }
    }
  }

  private async readBlob(
    folder: SyncFolder,
    names: Uint8Array[],
    origin: string,
    counter: number,
  ): Promise<Uint8Array | null> {
    for (const name of names) {
      const bytes = await folder.read(blobName(name, origin, counter));
      if (bytes) return bytes;
    }
    return null;
  }

  /** A key rotated by another device, sealed to this one in the folder. */
  private async receiveGrants(folder: SyncFolder, identity: SyncIdentity): Promise<void> {
    for (let epoch = currentEpoch(identity.ring).epoch + 1; ; epoch += 1) {
      const sealed = await folder.read(grantName(identity.device.boxPublic, epoch));
      if (!sealed) return;
      try {
        const grant = EpochGrant.parse(
          JSON.parse(new TextDecoder().decode(openSealed(identity.device.boxSecret, sealed))),
        );
        const signer = this.signPublicOf(grant.by);
        const key = signer ? verifyGrant(grant, signer, identity.device.boxPublic) : null;
        if (!key || key.epoch !== epoch)
          throw new SyncBlobError(
            'bad_signature',
            'A new sync key in the folder is not signed by a device of this group, so it was ignored.',
          );
        const rotated = { ...identity, ring: [...identity.ring, key] };
        await saveIdentity(this.options.vault, rotated);
        this.adopt(rotated);
        identity = rotated;
      } catch (error) {
        this.problem(
          'folder',
          error instanceof SyncBlobError
            ? error.message
            : 'A new sync key in the folder could not be read, so it was ignored.',
        );
        return;
      }
    }
  }

  /** The other desktop answered an invite: it joins the roster, and the invite is gone. */
  private async answerJoins(folder: SyncFolder): Promise<void> {
    for (const [name, invite] of this.invites) {
      if (invite.expiresAt < this.now()) {
        this.invites.delete(name);
        await folder.remove(name);
        continue;
      }
      const sealed = await folder.read(invite.keys.joinName);
      if (!sealed) continue;
      const join = openWithCode(invite.keys, sealed, JoinPayload);
      this.commit([
        this.memberOp(join.id, { name: join.name, kind: 'desktop', sign: join.sign, box: join.box }),
      ]);
      this.invites.delete(name);
      await folder.remove(invite.keys.inviteName);
      await folder.remove(invite.keys.joinName);
    }
  }

  private pushToPeers(): void {
    if (this.peers.size === 0) return;
    const since = this.state.get<number>('pushed', 0);
    const rows = this.selectBlobsAfter.all(since);
    if (rows.length === 0) return;
    const members = this.members();
    for (const peer of this.peers.values()) {
      const own = members.find((member) => member.fingerprint === peer.fingerprint)?.id;
      const blobs = rows.filter((row) => row.origin !== own).map((row) => row.bytes);
      if (blobs.length > 0) peer.send(blobs);
    }
    this.state.set('pushed', rows.at(-1)?.rowid ?? since);
  }

  /** The roster as ops with their stamps: what a joining device merges to know who signs what. */
  private rosterOps(): SyncOp[] {
    return [...this.fields.collection(ROSTER_COLLECTION)].flatMap(([k, fields]) =>
      [...fields].map(([f, stored]) => ({ c: ROSTER_COLLECTION, k, f, v: stored.v, t: stored.t })),
    );
  }

  members(): SyncMember[] {
    return rosterMembers(this.fields.collection(ROSTER_COLLECTION));
  }

  private signPublicOf(id: string): Uint8Array | undefined {
    return this.members().find((member) => member.id === id && !member.removed)?.signPublic;
  }

  private nameOf(id: string): string {
    return this.members().find((member) => member.id === id)?.name ?? 'another device';
  }

  private ledger(): BlobLedger {
    return new BlobLedger(this.state.get<LedgerState | null>('ledger', null) ?? {});
  }

  private collections(): SyncCollections {
    const stored = this.state.get<Partial<SyncCollections> | null>('collections', null) ?? {};
    return Object.fromEntries(
      USER_COLLECTIONS.map((name) => [name, stored[name] ?? !OFF_BY_DEFAULT.includes(name)]),
    ) as SyncCollections;
  }

  private problem(source: SyncSource, message: string): void {
    this.options.log.warn('sync refused a blob', { source });
    const problems = this.state.get<SyncProblemView[]>('problems', []);
    this.state.set('problems', [{ at: this.now(), source, message }, ...problems].slice(0, PROBLEMS_KEPT));
  }

  private folderFailed(error: unknown, path: string): null {
    this.folderError =
      error instanceof ApiError
        ? error.message
        : `The sync folder ${path} could not be used: ${(error as Error).message}`;
    return null;
  }

  private changed(): SyncView {
    const view = this.status();
    this.options.events.emit('sync.changed', view);
    return view;
  }

  /** Forgets the group here (for a local data reset): keys from the vault, state from the database. */
  reset(): void {
    forgetIdentity(this.options.vault);
    this.identity = null;
    this.clock = null;
    this.folder = null;
  }
}

const DETAILS: Partial<Record<SyncDeviceView['state'], (name: string) => string>> = {
  behind: (name) =>
    `Some changes from ${name} have not arrived: the folder or relay may be holding them back.`,
  rolled_back: (name) =>
    `The sync folder or relay showed an older state of ${name} than one already seen. Check the folder was not restored from an old copy.`,
};

function grantName(recipientBox: Uint8Array, epoch: number): string {
  return bytesToHex(
    sha256(concatBytes(utf8ToBytes(`ledgerline/sync 1 grant ${epoch}\0`), recipientBox)),
  ).slice(0, 32);
}

function sameRecord(a: SyncRecord, b: SyncRecord): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

function uniqueRecords(ops: readonly SyncOp[]): { c: SyncCollection; k: string }[] {
  const seen = new Map<string, { c: SyncCollection; k: string }>();
  for (const { c, k } of ops) seen.set(`${c}\0${k}`, { c, k });
  return [...seen.values()];
}
