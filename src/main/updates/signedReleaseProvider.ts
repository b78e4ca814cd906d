import { type AppUpdater, Provider, type ResolvedUpdateFileInfo, type UpdateInfo } from 'electron-updater';
import { type ProviderRuntimeOptions, resolveFiles } from 'electron-updater/out/providers/Provider';
import { getChannelFilename, newUrlFromBase } from 'electron-updater/out/util';
import { readFeedFile } from './feedFile';
import type { ReleaseMetadata } from './releaseMetadata';
import { RELEASE_SIGNATURE_SUFFIX } from './releaseSignature';
import { MAX_RELEASE_METADATA_BYTES, verifyReleaseFeed } from './verifyReleaseFeed';

/** A `.sig` file is one line of base64; a few KiB is far more than any signature and still bounded. */
const MAX_SIGNATURE_BYTES = 4 * 1024;

/** What `setFeedURL` hands electron-updater: its `custom` provider, with what our provider needs. */
export interface SignedFeed {
  readonly provider: 'custom';
  readonly updateProvider: typeof SignedReleaseProvider;
  /** The feed's base address (the `updateFeedUrl` setting). */
  readonly url: string;
  readonly publicKey: Uint8Array;
  readonly installedVersion: string;
}

export function signedFeed(
  url: string,
  trust: Pick<SignedFeed, 'publicKey' | 'installedVersion'>,
): SignedFeed {
  return { provider: 'custom', updateProvider: SignedReleaseProvider, url, ...trust };
}

/**
 * Each UpdateInfo this provider returned, with the verified metadata it was built from. The engine asks here,
 * so a release electron-updater would download from anywhere else is not one it accepts.
 */
const verified = new WeakMap<UpdateInfo, ReleaseMetadata>();

export function verifiedRelease(info: UpdateInfo): ReleaseMetadata | null {
  return verified.get(info) ?? null;
}

/**
 * electron-updater's generic feed, except that it believes nothing the feed says until the release key's
 * signature over the channel file (`latest-linux.yml`, …) verifies: the channel file and its `.sig` are read
 * as bytes, bounded, handed to `verifyReleaseFeed`, and the UpdateInfo is built from what that returned, so
 * the sha512 electron-updater checks the download against is the signed one. electron-updater's staging id
 * header is not sent: the feed learns only that someone asked.
 */
export class SignedReleaseProvider extends Provider<UpdateInfo> {
  private readonly feed: URL;

  constructor(
    private readonly options: SignedFeed,
    _updater: AppUpdater,
    runtimeOptions: ProviderRuntimeOptions,
  ) {
    super(runtimeOptions);
    this.feed = feedBase(options.url);
  }

  async getLatestVersion(): Promise<UpdateInfo> {
    const fileName = getChannelFilename(this.getDefaultChannelName());
    const metadata = await readFeedFile(this.executor, this.fileUrl(fileName), MAX_RELEASE_METADATA_BYTES);
    if (metadata === null) throw new Error(`the release feed has no ${fileName}`);
    const signatureFile = `${fileName}${RELEASE_SIGNATURE_SUFFIX}`;
    const signature = await readFeedFile(this.executor, this.fileUrl(signatureFile), MAX_SIGNATURE_BYTES);
    const release = verifyReleaseFeed({
      fileName,
      metadata,
      signature: signature === null ? null : Buffer.from(signature).toString('utf8'),
      publicKey: this.options.publicKey,
      installedVersion: this.options.installedVersion,
    });
    const info = updateInfoOf(release);
    verified.set(info, release);
    return info;
  }

  resolveFiles(updateInfo: UpdateInfo): ResolvedUpdateFileInfo[] {
    return resolveFiles(updateInfo, this.feed);
  }

  /** A fresh query each time, as electron-updater's generic feed does, so a cache cannot hide a new release. */
  private fileUrl(name: string): URL {
    return newUrlFromBase(name, this.feed, true);
  }
}

/** The feed as a folder: without the trailing slash, `new URL(name, feed)` would drop its last segment. */
function feedBase(url: string): URL {
  const base = new URL(url);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return base;
}

/** electron-builder's shape, filled only from the verified metadata; `path`/`sha512` name the first file. */
function updateInfoOf(release: ReleaseMetadata): UpdateInfo {
  const files = release.files.map(({ url, sha512, size }) =>
    size === null ? { url, sha512 } : { url, sha512, size },
  );
  const [first] = files;
  if (!first) throw new Error('verified release metadata names no file');
  return {
    version: release.version,
    files,
    path: first.url,
    sha512: first.sha512,
    releaseDate: release.releaseDate ?? '',
  };
}
