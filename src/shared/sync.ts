import { z } from 'zod';
import { USER_COLLECTIONS, UserCollection } from './sync/syncOps';

export { USER_COLLECTIONS, UserCollection };

/**
 * A device of the sync group as this desktop knows it. `behind`: blobs it announced never arrived (withheld,
 * or not delivered yet); `rolled_back`: the folder or relay served an older state than one already seen.
 */
export const SyncDeviceView = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['desktop', 'phone']),
  /** This desktop. */
  self: z.boolean(),
  /** When this desktop last applied something from it, or sent it something it acknowledged. */
  lastSyncAt: z.number().int().nonnegative().nullable(),
  state: z.enum(['ok', 'behind', 'rolled_back']),
  /** What the state means for the user, in words; null when ok. */
  detail: z.string().nullable(),
});
export type SyncDeviceView = z.infer<typeof SyncDeviceView>;

/** A blob that was refused, kept for the user to see; what it held was skipped and nothing local was lost. */
export const SyncProblemView = z.strictObject({
  at: z.number().int().nonnegative(),
  source: z.enum(['folder', 'relay']),
  message: z.string(),
});
export type SyncProblemView = z.infer<typeof SyncProblemView>;

export const SyncFolderView = z.strictObject({
  path: z.string().nullable(),
  lastSyncAt: z.number().int().nonnegative().nullable(),
  /** Why the folder cannot be used now (missing, not writable), in words for the user. */
  error: z.string().nullable(),
});
export type SyncFolderView = z.infer<typeof SyncFolderView>;

export const SyncCollections = z.strictObject(
  Object.fromEntries(USER_COLLECTIONS.map((name) => [name, z.boolean()])) as Record<
    UserCollection,
    z.ZodBoolean
  >,
);
export type SyncCollections = z.infer<typeof SyncCollections>;

export const SyncView = z.strictObject({
  devices: z.array(SyncDeviceView),
  folder: SyncFolderView,
  collections: SyncCollections,
  /** The most recent refusals, newest first. */
  problems: z.array(SyncProblemView),
  /** The group's key epoch: it goes up each time a device is removed. */
  epoch: z.number().int().nonnegative(),
});
export type SyncView = z.infer<typeof SyncView>;

export const SetSyncFolder = z.strictObject({ path: z.string().trim().min(1).max(4096).nullable() });
export type SetSyncFolder = z.infer<typeof SetSyncFolder>;

/** A one-time code another desktop types to join the group through the sync folder. */
export const SyncInvite = z.strictObject({
  code: z.string(),
  expiresAt: z.number().int().nonnegative(),
});
export type SyncInvite = z.infer<typeof SyncInvite>;

export const JoinSyncGroup = z.strictObject({ code: z.string().trim().min(1).max(200) });
export type JoinSyncGroup = z.infer<typeof JoinSyncGroup>;

export const SyncDeviceRef = z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/) });
export type SyncDeviceRef = z.infer<typeof SyncDeviceRef>;
