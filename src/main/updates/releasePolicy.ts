import { gt, prerelease, valid } from 'semver';
import type { ReleaseMetadata } from './releaseMetadata';
import { UpdateRefusal } from './updateRefusal';

/**
 * Throws UpdateRefusal 'not-newer' unless the signed release is strictly newer than the installed version.
 * An old signed release stays valid forever, so a feed (or anyone between it and the user) could otherwise
 * serve one again to bring back a bug it fixed. The feed serving the installed version itself is refused the
 * same way, with `version` equal to the installed one: the caller reports that as up to date.
 *
 * A pre-release (1.3.0-beta.1) is offered only to an install that is itself a pre-release: whoever installed
 * a release did not ask to test, and a pre-release in the releases' feed is a publishing mistake.
 */
export function checkNewer(metadata: ReleaseMetadata, installedVersion: string): void {
  if (valid(installedVersion) !== installedVersion) {
    throw new Error(`the installed version is not a semver version: ${JSON.stringify(installedVersion)}`);
  }
  const { version } = metadata;
  if (!gt(version, installedVersion)) {
    throw new UpdateRefusal(
      'not-newer',
      `Version ${version} is not newer than the installed ${installedVersion}: a downgrade or an old release ` +
        'served again. It was not installed.',
      version,
    );
  }
  if (prerelease(version) && !prerelease(installedVersion)) {
    throw new UpdateRefusal(
      'not-newer',
      `Version ${version} is a pre-release, for testers; this install (${installedVersion}) takes only ` +
        'releases. It was not installed.',
      version,
    );
  }
}
