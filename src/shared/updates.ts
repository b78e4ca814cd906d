import { z } from 'zod';

/** Where releases are published unless the user points the app at a mirror of their own. */
export const DEFAULT_UPDATE_FEED = 'https://releases.ledgerline.app/';

/**
 * A release feed: `https://` anywhere, plain `http://` only on the user's own machine (a mirror the user runs
 * there, or a test's). The signature, not the transport, is what makes a release trusted; TLS keeps what the
 * user installs private.
 */
export const UpdateFeedUrl = z
  .string()
  .max(300)
  .regex(
    /^(?:https:\/\/[a-z0-9.-]+(?::\d{1,5})?|http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?)(?:\/[A-Za-z0-9._~%/-]*)?$/,
    'a release feed address like https://releases.ledgerline.app/',
  );

/** A release version as semver writes it: 1.2.3, or 1.2.3-beta.1. */
export const ReleaseVersion = z
  .string()
  .max(64)
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'a version like 1.2.3');

/**
 * Why a release was not installed. Each leaves the installed version running.
 * - `unsigned`: the feed has metadata but no signature beside it.
 * - `bad-signature`: the signature does not verify with the release key pinned in this app (tampered
 *   metadata, or signed with another key).
 * - `malformed`: signed, but not release metadata this app can read.
 * - `not-newer`: signed, but its version is not above the installed one (a downgrade, or an old release
 *   replayed).
 * - `checksum`: the downloaded file is not the one the signed metadata names (its sha512 differs).
 */
export const UpdateRefusalCode = z.enum(['unsigned', 'bad-signature', 'malformed', 'not-newer', 'checksum']);
export type UpdateRefusalCode = z.infer<typeof UpdateRefusalCode>;

const At = z.number().int().nonnegative();
const Message = z.string().max(500);

export const UpdateStatus = z.discriminatedUnion('state', [
  /** This build cannot update itself (a development build, the browser host); `reason` says why, in words. */
  z.strictObject({ state: z.literal('unavailable'), reason: Message }),
  /** Not checked since the app started. */
  z.strictObject({ state: z.literal('idle') }),
  z.strictObject({ state: z.literal('checking') }),
  z.strictObject({ state: z.literal('up-to-date'), checkedAt: At }),
  /** A signed, newer release is being downloaded. */
  z.strictObject({
    state: z.literal('downloading'),
    version: ReleaseVersion,
    percent: z.number().min(0).max(100),
  }),
  /** Downloaded and its sha512 checked against the signed metadata: installed when the user restarts. */
  z.strictObject({
    state: z.literal('ready'),
    version: ReleaseVersion,
    releaseDate: z.string().max(64).nullable(),
  }),
  z.strictObject({
    state: z.literal('refused'),
    code: UpdateRefusalCode,
    /** The version the feed offered, when the metadata could be read at all. */
    version: ReleaseVersion.nullable(),
    message: Message,
    at: At,
  }),
  /** The check or the download could not finish (feed unreachable, disk full); nothing was concluded. */
  z.strictObject({ state: z.literal('failed'), message: Message, at: At }),
]);
export type UpdateStatus = z.infer<typeof UpdateStatus>;

export const UpdatesView = z.strictObject({
  installedVersion: ReleaseVersion,
  /** The feed in use (the user's setting, or the default). */
  feedUrl: UpdateFeedUrl,
  /** Whether the app checks by itself, on start and twice a day. */
  automatic: z.boolean(),
  /** The pinned release key's fingerprint, as the website and the README print it, for the user to compare. */
  releaseKeyFingerprint: z.string().max(100),
  status: UpdateStatus,
});
export type UpdatesView = z.infer<typeof UpdatesView>;
