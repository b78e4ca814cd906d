import { z } from 'zod';

/**
 * What moves between the devices of one sync group: single-field writes, each stamped with a hybrid logical
 * clock. The field names are short because every op travels inside a padded, encrypted blob: a change costs
 * bytes in proportion to what changed, never to the data set.
 */

/** Data the user sees, one toggle each in Settings → Sync; never keys, never mnemonics. */
export const USER_COLLECTIONS = [
  'labels',
  'addressBook',
  'tokens',
  'networks',
  'rpcs',
  'preferences',
  'txNotes',
  'safes',
  'safeTransactions',
] as const;

/** RPC endpoints may embed API keys: they sync only once the user turns them on. */
export const OFF_BY_DEFAULT: readonly UserCollection[] = ['rpcs'];

/** The group's own roster: which devices belong, with their public keys. Always on. */
export const ROSTER_COLLECTION = 'devices';

export const SyncCollection = z.enum([...USER_COLLECTIONS, ROSTER_COLLECTION]);
export type SyncCollection = z.infer<typeof SyncCollection>;
export const UserCollection = z.enum(USER_COLLECTIONS);
export type UserCollection = z.infer<typeof UserCollection>;

/** A device id: 64 random bits, lower-case hex. */
export const DeviceId = z.string().regex(/^[0-9a-f]{16}$/, 'expected a 16-digit hex device id');
export type DeviceId = z.infer<typeof DeviceId>;

/**
 * An encoded hybrid logical clock: wall-clock milliseconds (12 hex digits), a counter (6 hex digits) and the
 * device that made it. Fixed width, so comparing the strings compares the clocks; the device part breaks
 * ties, so two devices never write the same stamp.
 */
export const HlcString = z
  .string()
  .regex(/^[0-9a-f]{12}-[0-9a-f]{6}-[0-9a-f]{16}$/, 'expected an encoded hybrid logical clock');

const Primitive = z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]);
/** A field's value; `null` clears it. Arrays of primitives cover lists such as enabled chain ids. */
export const SyncValue = z.union([Primitive, z.array(Primitive).max(1000)]);
export type SyncValue = z.infer<typeof SyncValue>;

/** Writing true here deletes the record; writing false brings it back. Its own field, so it merges like any. */
export const DELETED_FIELD = '$deleted';

export const SyncOp = z.strictObject({
  /** The collection. */
  c: SyncCollection,
  /** The record's key within it, such as `0xAbc…:1` for a label scoped to chain 1. */
  k: z.string().min(1).max(200),
  /** The field. */
  f: z.string().regex(/^(\$deleted|[a-zA-Z][a-zA-Z0-9]{0,39})$/, 'expected a field name'),
  /** The value. */
  v: SyncValue,
  /** When, and on which device: the last writer by this stamp wins. */
  t: HlcString,
});
export type SyncOp = z.infer<typeof SyncOp>;

/** The device that wrote an op: the last part of its clock stamp. */
export function originOf(op: Pick<SyncOp, 't'>): DeviceId {
  return op.t.slice(-16);
}
