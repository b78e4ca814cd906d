import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AppUpdater, Logger as UpdaterLogger, ProgressInfo } from 'electron-updater';
import type { Logger } from '../log';
import { checkDownloadedRelease, checksumRefusal } from './downloadedRelease';
import type { ReleaseMetadata } from './releaseMetadata';
import { signedFeed, verifiedRelease } from './signedReleaseProvider';
import { UpdateRefusal } from './updateRefusal';

/** What the Updates service drives: electron-updater behind a signed feed, or a test's stand-in. */
export interface UpdateEngine {
  /** Reads the feed; resolves with the verified metadata (null: nothing newer). Throws UpdateRefusal or an error. */
  check(feedUrl: string): Promise<ReleaseMetadata | null>;
  /** Downloads the release check() accepted; resolves with the file once its sha512 was checked. */
  download(onProgress: (percent: number) => void): Promise<string>;
  /** Quits and installs. */
  install(): void;
}

export interface UpdateEngineOptions {
  /** The release key the feed's signature must verify with: RELEASE_PUBLIC_KEY in the app. */
  publicKey: Uint8Array;
  installedVersion: string;
  log: Logger;
}

const MAX_LOGGED_CHARS = 1_000;

/**
 * Drives an electron-updater `AppUpdater` through the signed feed. The updater never acts on its own: it
 * downloads when the service asks after a verified check, and installs only when the user restarts.
 */
export function createUpdateEngine(updater: AppUpdater, options: UpdateEngineOptions): UpdateEngine {
  const { publicKey, installedVersion } = options;
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = false;
  updater.allowPrerelease = installedVersion.includes('-');
  // A blockmap and a web installer's package are files the signed metadata does not cover: download whole files.
  updater.disableDifferentialDownload = true;
  updater.disableWebInstaller = true;
  updater.logger = updaterLog(options.log);
  let accepted: ReleaseMetadata | null = null;

  return {
    async check(feedUrl) {
      accepted = null;
      updater.setFeedURL(signedFeed(feedUrl, { publicKey, installedVersion }));
      try {
        const result = await updater.checkForUpdates();
        if (result === null) throw new Error('electron-updater is inactive in an unpackaged app');
        if (!result.isUpdateAvailable) return null;
        accepted = verifiedRelease(result.updateInfo);
        if (!accepted) throw new Error('electron-updater offered a release the signed feed did not verify');
        return accepted;
      } catch (error) {
        const refusal = refusalIn(error);
        // The feed's current release is the one running: the normal state of an up-to-date install.
        if (refusal?.code === 'not-newer' && refusal.version === installedVersion) return null;
        throw refusal ?? error;
      }
    },

    async download(onProgress) {
      const release = accepted;
      if (!release) throw new Error('there is no verified release to download; check first');
      const progress = (info: ProgressInfo) => onProgress(info.percent);
      updater.on('download-progress', progress);
      try {
        const [file] = await updater.downloadUpdate();
        if (file === undefined) throw new Error('electron-updater downloaded no file');
        const named = release.files.find((candidate) => basename(candidate.url) === basename(file));
        if (!named) throw new Error(`the downloaded ${basename(file)} is not a file of the signed release`);
        // Again, ourselves: electron-updater reuses a file already in its cache without downloading it.
        await checkDownloadedRelease(file, named.sha512).catch(async (error: unknown) => {
          await rm(file, { force: true });
          throw error;
        });
        return file;
      } catch (error) {
        throw refusalIn(error) ?? updaterChecksumRefusal(error, release) ?? error;
      } finally {
        updater.off('download-progress', progress);
      }
    },

    install() {
      updater.quitAndInstall(false, true);
    },
  };
}

/** An UpdateRefusal thrown in the provider arrives as is or as the cause of electron-updater's error. */
function refusalIn(error: unknown): UpdateRefusal | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof UpdateRefusal) return current;
    current = current.cause;
  }
  return null;
}

/** electron-updater's own sha512 check failed (it deleted the file): the same refusal as ours. */
function updaterChecksumRefusal(error: unknown, release: ReleaseMetadata): UpdateRefusal | null {
  if ((error as { code?: unknown } | null)?.code !== 'ERR_CHECKSUM_MISMATCH') return null;
  return checksumRefusal(`file of version ${release.version}`, release.version);
}

/** electron-updater writes to our log (as one field, bounded), never to the console. */
function updaterLog(log: Logger): UpdaterLogger {
  const text = (message: unknown) => String(message).slice(0, MAX_LOGGED_CHARS);
  return {
    info: (message) => log.info('updater', { detail: text(message) }),
    warn: (message) => log.warn('updater', { detail: text(message) }),
    error: (message) => log.error('updater', { detail: text(message) }),
  };
}
