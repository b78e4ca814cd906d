import { bytesToHex } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import { z } from 'zod';
import { BlobLedger } from '../../shared/sync/blobLedger';
import { applyOps, MemoryFieldStore } from '../../shared/sync/fieldStore';
import { rosterMembers, rosterOpRefusal, rosterRecords } from '../../shared/sync/roster';
import { openBlob } from '../../shared/sync/syncBlob';
import { SyncBlobError } from '../../shared/sync/syncBlobError';
import { decodeKeyRing, newDeviceKeys } from '../../shared/sync/syncKeys';
import {
  DeviceId,
  ROSTER_COLLECTION,
  SyncOp,
  type SyncCollection,
  type SyncValue,
} from '../../shared/sync/syncOps';

/**
 * The phone's replica of one desktop's sync group: it only reads. It keeps the roster (to check who signed
 * a blob) and the two collections that name addresses, so a signing request can say who receives the funds.
 */

/** The most fields a replica keeps; a blob that would go past it is refused rather than stored. */
export const MAX_SYNC_FIELDS = 50_000;
/** What the phone stores of the group's data; ops for other collections are read past. */
export const PHONE_COLLECTIONS: readonly SyncCollection[] = [ROSTER_COLLECTION, 'labels', 'addressBook'];
const MAX_ORIGINS = 1_000;
const MAX_ABOVE = 10_000;

const Hex32 = z.string().regex(/^[0-9a-f]{64}$/, '32 bytes of hex');
const Counter = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const SyncDevice = z.strictObject({
  id: DeviceId,
  signSecret: Hex32,
  signPublic: Hex32,
  boxSecret: Hex32,
  boxPublic: Hex32,
});
export type SyncDevice = z.infer<typeof SyncDevice>;

const LedgerStateSchema = z
  .record(
    DeviceId,
    z.strictObject({
      contiguous: Counter,
      above: z.array(Counter.min(1)).max(MAX_ABOVE),
      known: Counter.optional(),
      // Saved by version 2 in place of `known`.
      head: Counter.optional(),
      rolledBack: z.literal(true).optional(),
    }),
  )
  .refine((state) => Object.keys(state).length <= MAX_ORIGINS, `at most ${MAX_ORIGINS} origins`);

const RingText = z
  .string()
  .max(20_000)
  .refine((text) => {
    try {
      decodeKeyRing(text);
      return true;
    } catch {
      return false;
    }
  }, 'an encoded sync key ring');

export const SyncReplica = z.strictObject({
  device: SyncDevice,
  /** The desktop's key ring as it last sent it (`encodeKeyRing` text). */
  ring: RingText,
  /** Every stored field as the op that wrote it (`MemoryFieldStore.entries()`). */
  fields: z.array(SyncOp).max(MAX_SYNC_FIELDS),
  ledger: LedgerStateSchema,
});
export type SyncReplica = z.infer<typeof SyncReplica>;

export interface SyncGroup {
  ring: string;
  roster: readonly SyncOp[];
}

/** What one batch of blobs did; refused blobs are counted with the reason, in words. */
export interface BlobReport {
  /** Ops blobs seen for the first time and applied. */
  applied: number;
  /** Ops blobs seen before: nothing to do. */
  duplicates: number;
  refused: { code: string; message: string }[];
  /** Fields that changed. */
  changed: number;
}

export interface SyncedLabel {
  address: string;
  chainId: number | null;
  name: string;
  note: string;
  kind: 'eoa' | 'contract' | null;
}

export interface SyncedContact {
  address: string;
  chainId: number | null;
  name: string;
  note: string;
}

export interface SyncedNames {
  labels: SyncedLabel[];
  contacts: SyncedContact[];
}

/** A name for an address, and where it comes from: the address book or a label. */
export interface SyncedName {
  name: string;
  source: 'addressBook' | 'label';
}

/** A new sync identity for this phone, to be sent to the desktop in `syncMember`. */
export function newSyncDevice(): SyncDevice {
  const keys = newDeviceKeys();
  return {
    id: keys.id,
    signSecret: bytesToHex(keys.signSecret),
    signPublic: bytesToHex(keys.signPublic),
    boxSecret: bytesToHex(keys.boxSecret),
    boxPublic: bytesToHex(keys.boxPublic),
  };
}

/** The public half of the identity, as the `syncMember` message carries it. */
export function memberOf(device: SyncDevice): { id: string; sign: string; box: string } {
  return { id: device.id, sign: device.signPublic, box: device.boxPublic };
}

/** A replica with a fresh identity and nothing synced yet; throws a `SyncBlobError` for a damaged ring. */
export function newSyncReplica(group: SyncGroup, device: SyncDevice = newSyncDevice()): SyncReplica {
  return applySyncGroup({ device, ring: checkedRing(group.ring), fields: [], ledger: {} }, group);
}

/**
 * Takes the ring the desktop sent (its ring is authoritative: a rotation adds the new key, and the old ones
 * stay on it) and merges the roster. Throws a `SyncBlobError` for a damaged ring; the replica is unchanged.
 */
export function applySyncGroup(replica: SyncReplica, group: SyncGroup): SyncReplica {
  const ring = checkedRing(group.ring);
  const store = storeOf(replica);
  const roster = group.roster.filter((op) => op.c === ROSTER_COLLECTION);
  if (store.entries().length + added(store, roster) > MAX_SYNC_FIELDS) {
    throw new SyncBlobError('malformed', 'The desktop sent a sync roster too large for this phone to keep.');
  }
  applyOps(store, roster);
  return { ...replica, ring, fields: store.entries() };
}

/** Whether the group's roster lists this phone as a member, so the desktop has its identity. */
export function inRoster(replica: SyncReplica): boolean {
  return members(storeOf(replica)).has(replica.device.id);
}

/** Per origin, the counter up to which the phone holds every blob: the `has` of `syncHello`. */
export function syncHas(replica: SyncReplica | undefined): Record<string, number> {
  if (!replica) return {};
  return Object.fromEntries(
    Object.entries(replica.ledger).map(([origin, entry]) => [origin, entry.contiguous]),
  );
}

/**
 * Opens and applies blobs (base64url without padding) in order. A blob that does not open, is not signed by
 * a current member or would overflow the replica is refused and counted; nothing it carried is applied.
 */
export function applySyncBlobs(
  replica: SyncReplica,
  blobs: readonly string[],
): { replica: SyncReplica; report: BlobReport } {
  const report: BlobReport = { applied: 0, duplicates: 0, refused: [], changed: 0 };
  let keys;
  try {
    keys = decodeKeyRing(replica.ring);
  } catch (error) {
    report.refused = blobs.map(() => refusal(error));
    return { replica, report };
  }
  const store = storeOf(replica);
  const ledger = new BlobLedger(replica.ledger);
  let signers = members(store);
  let size = store.entries().length;
  for (const text of blobs) {
    try {
      let bytes: Uint8Array;
      try {
        bytes = base64urlnopad.decode(text);
      } catch {
        throw new SyncBlobError('unreadable', 'The desktop sent a sync blob that is not valid base64url.');
      }
      const opened = openBlob(keys, (id) => signers.get(id), bytes);
      const ops = opened.ops.filter((op) => PHONE_COLLECTIONS.includes(op.c));
      const adds = added(store, ops);
      if (size + adds > MAX_SYNC_FIELDS) {
        throw new SyncBlobError(
          'malformed',
          `A sync blob would take this phone past ${MAX_SYNC_FIELDS} synced fields, so it was ignored.`,
        );
      }
      if (ledger.accept(opened.origin, opened.counter) === 'duplicate') {
        report.duplicates += 1;
        continue;
      }
      refuseRosterRewrites(store, ops);
      const changed = applyOps(store, ops);
      size += adds;
      report.applied += 1;
      report.changed += changed.length;
      if (changed.some((op) => op.c === ROSTER_COLLECTION)) signers = members(store);
    } catch (error) {
      report.refused.push(refusal(error));
    }
  }
  return { replica: { ...replica, fields: store.entries(), ledger: ledger.toJSON() }, report };
}

const namesCache = new WeakMap<SyncReplica, SyncedNames>();

/** The synced labels and address book entries, from the replica's live records. */
export function namesFor(replica: SyncReplica | undefined): SyncedNames {
  if (!replica) return { labels: [], contacts: [] };
  const cached = namesCache.get(replica);
  if (cached) return cached;
  const store = storeOf(replica);
  const labels: SyncedLabel[] = [];
  for (const [key, record] of store.records('labels')) {
    const scope = parseKey(key);
    const name = text(record.name);
    if (!scope || !name) continue;
    const kind = record.kind === 'eoa' || record.kind === 'contract' ? record.kind : null;
    labels.push({ ...scope, name, note: text(record.note) ?? '', kind });
  }
  const contacts: SyncedContact[] = [];
  for (const [key, record] of store.records('addressBook')) {
    const scope = parseKey(key);
    const name = text(record.name);
    if (!scope || !name) continue;
    contacts.push({ ...scope, name, note: text(record.note) ?? '' });
  }
  const names = { labels, contacts };
  namesCache.set(replica, names);
  return names;
}

/**
 * The best name for an address on a chain: a contact on that chain, then a contact on every chain, then a
 * label on that chain, then a label on every chain. Addresses compare case-insensitively.
 */
export function nameFor(
  replica: SyncReplica | undefined,
  address: string,
  chainId: number | null,
): SyncedName | null {
  const { labels, contacts } = namesFor(replica);
  const wanted = address.toLowerCase();
  const find = (entries: readonly { address: string; chainId: number | null; name: string }[]) => {
    const forAddress = entries.filter((entry) => entry.address.toLowerCase() === wanted);
    return (
      (chainId === null ? undefined : forAddress.find((entry) => entry.chainId === chainId)) ??
      forAddress.find((entry) => entry.chainId === null)
    );
  };
  const contact = find(contacts);
  if (contact) return { name: contact.name, source: 'addressBook' };
  const label = find(labels);
  if (label) return { name: label.name, source: 'label' };
  return null;
}

function checkedRing(ring: string): string {
  decodeKeyRing(ring);
  return ring;
}

function storeOf(replica: SyncReplica): MemoryFieldStore {
  const store = new MemoryFieldStore();
  applyOps(store, replica.fields);
  return store;
}

/** How many fields applying `ops` would add to the store. */
function added(store: MemoryFieldStore, ops: readonly SyncOp[]): number {
  const fresh = new Set<string>();
  for (const op of ops) {
    if (store.get(op.c, op.k, op.f) === undefined) fresh.add(JSON.stringify([op.c, op.k, op.f]));
  }
  return fresh.size;
}

/** Current members' signing keys by device id; removed members sign nothing. */
function members(store: MemoryFieldStore): Map<string, Uint8Array> {
  return new Map(
    rosterMembers(rosterRecords(store.entries()))
      .filter((member) => !member.removed)
      .map((member) => [member.id, member.signPublic] as const),
  );
}

/** The roster rules every device applies (docs/SYNC.md): one member cannot rewrite another or undo a removal. */
function refuseRosterRewrites(store: MemoryFieldStore, ops: readonly SyncOp[]): void {
  if (!ops.some((op) => op.c === ROSTER_COLLECTION)) return;
  const records = rosterRecords(store.entries());
  const roster = rosterMembers(records);
  const nameOf = (id: string) => roster.find((member) => member.id === id)?.name ?? 'another device';
  const why = rosterOpRefusal(records, ops, nameOf);
  if (why) throw new SyncBlobError('malformed', `A change to the sync group was refused: ${why}.`);
}

function parseKey(key: string): { address: string; chainId: number | null } | null {
  const match = /^(0x[0-9a-fA-F]{40})\/(\*|[1-9]\d{0,15})$/.exec(key);
  if (!match) return null;
  const [, address = '', scope = ''] = match;
  if (scope === '*') return { address, chainId: null };
  const chainId = Number(scope);
  return Number.isSafeInteger(chainId) ? { address, chainId } : null;
}

function text(value: SyncValue | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function refusal(error: unknown): { code: string; message: string } {
  if (error instanceof SyncBlobError) return { code: error.code, message: error.message };
  return {
    code: 'malformed',
    message: `A sync blob could not be applied: ${error instanceof Error ? error.message : String(error)}`,
  };
}
