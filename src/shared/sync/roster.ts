import { hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import type { StoredField } from './fieldStore';
import { DELETED_FIELD, originOf, ROSTER_COLLECTION, type SyncOp } from './syncOps';

/** The roster field that describes a member; one field, so a member's keys never mix across two writes. */
export const MEMBER_FIELD = 'member';

const MemberValue = z.strictObject({
  name: z.string().min(1).max(100),
  kind: z.enum(['desktop', 'phone']),
  sign: z.string().regex(/^[0-9a-f]{64}$/),
  box: z.string().regex(/^[0-9a-f]{64}$/),
  /** A phone's pairing fingerprint on the desktop it paired with. */
  fingerprint: z.string().max(64).optional(),
});
export type MemberValue = z.infer<typeof MemberValue>;

export interface SyncMember {
  id: string;
  name: string;
  kind: 'desktop' | 'phone';
  signPublic: Uint8Array;
  boxPublic: Uint8Array;
  fingerprint: string | null;
  removed: boolean;
}

export function memberValue(member: MemberValue): string {
  return JSON.stringify(MemberValue.parse(member));
}

export type RosterRecords = ReadonlyMap<string, ReadonlyMap<string, StoredField>>;

/** The roster's fields, record by record, from the ops that hold them (a replica kept as a list of ops). */
export function rosterRecords(ops: readonly SyncOp[]): Map<string, Map<string, StoredField>> {
  const records = new Map<string, Map<string, StoredField>>();
  for (const op of ops) {
    if (op.c !== ROSTER_COLLECTION) continue;
    let fields = records.get(op.k);
    if (!fields) records.set(op.k, (fields = new Map()));
    fields.set(op.f, { v: op.v, t: op.t });
  }
  return records;
}

function parseMember(raw: unknown): MemberValue | null {
  if (typeof raw !== 'string') return null;
  try {
    return MemberValue.parse(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** Reads the roster from merged fields; an entry that does not parse is no member. */
export function rosterMembers(records: RosterRecords): SyncMember[] {
  return [...records].flatMap(([id, fields]) => {
    const parsed = parseMember(fields.get(MEMBER_FIELD)?.v);
    if (!parsed) return [];
    return [
      {
        id,
        name: parsed.name,
        kind: parsed.kind,
        signPublic: hexToBytes(parsed.sign),
        boxPublic: hexToBytes(parsed.box),
        fingerprint: parsed.fingerprint ?? null,
        removed: fields.get(DELETED_FIELD)?.v === true,
      },
    ];
  });
}

/** The op that removes a device from the group, as its remover stamped it. */
export function removalOp(removed: string, t: string): SyncOp {
  return { c: ROSTER_COLLECTION, k: removed, f: DELETED_FIELD, v: true, t };
}

interface Entry {
  member: MemberValue | null;
  removed: boolean;
}

/**
 * Why roster ops may not be merged, in words that name the device concerned; null when they may. Any member
 * may remove a device, and a removal is final. Only a device writes its own entry, once the device that added
 * it wrote the first version; another device may only restate it unchanged (the device that added it and the
 * device itself both write the same first version), and the keys in an entry never change. Checked op by op
 * against the roster merged so far, so an op counts for the ops after it in the same blob.
 */
export function rosterOpRefusal(
  records: RosterRecords,
  ops: readonly SyncOp[],
  nameOf: (id: string) => string,
): string | null {
  const seen = new Map<string, Entry>();
  const entry = (id: string): Entry => {
    const fields = records.get(id);
    return (
      seen.get(id) ?? {
        member: parseMember(fields?.get(MEMBER_FIELD)?.v),
        removed: fields?.get(DELETED_FIELD)?.v === true,
      }
    );
  };
  for (const op of ops) {
    if (op.c !== ROSTER_COLLECTION) continue;
    const current = entry(op.k);
    const name = nameOf(op.k);
    if (op.f === DELETED_FIELD) {
      if (op.v !== true)
        return `it would bring back ${name}, which was removed from the group; a removal is final`;
      seen.set(op.k, { ...current, removed: true });
      continue;
    }
    if (current.removed)
      return `it would change ${name}, which was removed from the group; a removal is final`;
    const member = op.f === MEMBER_FIELD ? parseMember(op.v) : null;
    if (!member) return `it writes an entry for ${name} that describes no device`;
    if (current.member && JSON.stringify(member) !== JSON.stringify(current.member)) {
      if (originOf(op) !== op.k)
        return `it would rewrite the entry of ${name}, which only ${name} may change`;
      if (member.sign !== current.member.sign || member.box !== current.member.box)
        return `it would change the keys of ${name}, which never change`;
    }
    seen.set(op.k, { member, removed: false });
  }
  return null;
}
