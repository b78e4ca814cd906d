import { hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import type { StoredField } from './fieldStore';
import { DELETED_FIELD } from './syncOps';

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

/** Reads the roster from merged fields; an entry that does not parse is no member. */
export function rosterMembers(records: Map<string, Map<string, StoredField>>): SyncMember[] {
  return [...records].flatMap(([id, fields]) => {
    const raw = fields.get(MEMBER_FIELD)?.v;
    if (typeof raw !== 'string') return [];
    let parsed: MemberValue;
    try {
      parsed = MemberValue.parse(JSON.parse(raw));
    } catch {
      return [];
    }
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
