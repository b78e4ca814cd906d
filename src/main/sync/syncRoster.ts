import { bytesToHex } from '@noble/hashes/utils.js';
import { rosterMembers, type MemberValue, type SyncMember } from '../../shared/sync/roster';
import type { DeviceKeys } from '../../shared/sync/syncKeys';
import { ROSTER_COLLECTION, type SyncOp } from '../../shared/sync/syncOps';
import type { SyncFieldsRepository } from './syncFieldsRepository';

/** The devices of the sync group, as the merged roster collection holds them, removed ones included. */
export class SyncRoster {
  constructor(private readonly fields: Pick<SyncFieldsRepository, 'collection'>) {}

  members(): SyncMember[] {
    return rosterMembers(this.fields.collection(ROSTER_COLLECTION));
  }

  /** The members not removed. */
  active(): SyncMember[] {
    return this.members().filter((member) => !member.removed);
  }

  /** The members not removed other than this device. */
  others(self: string | null): SyncMember[] {
    return this.active().filter((member) => member.id !== self);
  }

  /** The roster as ops with their stamps: what a joining device merges to know who signs what. */
  ops(): SyncOp[] {
    return [...this.fields.collection(ROSTER_COLLECTION)].flatMap(([k, fields]) =>
      [...fields].map(([f, stored]) => ({ c: ROSTER_COLLECTION, k, f, v: stored.v, t: stored.t })),
    );
  }

  signPublicOf(id: string): Uint8Array | undefined {
    return this.active().find((member) => member.id === id)?.signPublic;
  }

  nameOf(id: string): string {
    return this.members().find((member) => member.id === id)?.name ?? 'another device';
  }
}

/** This desktop as the roster lists it: the name the user knows it by and its public keys. */
export function desktopMember(name: string, device: DeviceKeys): MemberValue {
  return {
    name,
    kind: 'desktop',
    sign: bytesToHex(device.signPublic),
    box: bytesToHex(device.boxPublic),
  };
}
