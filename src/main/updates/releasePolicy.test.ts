import { describe, expect, it } from 'vitest';
import type { ReleaseMetadata } from './releaseMetadata';
import { checkNewer } from './releasePolicy';

const release = (version: string): ReleaseMetadata => ({ version, files: [], releaseDate: null });
const notNewer = (version: string, message: RegExp) =>
  expect.objectContaining({
    name: 'UpdateRefusal',
    code: 'not-newer',
    version,
    message: expect.stringMatching(message),
  });

describe('checkNewer', () => {
  it('accepts a strictly newer release', () => {
    for (const [offered, installed] of [
      ['1.2.1', '1.2.0'],
      ['1.10.0', '1.9.9'],
      ['2.0.0', '1.99.99'],
      ['1.3.0', '1.3.0-beta.2'],
      ['1.3.0-beta.2', '1.3.0-beta.1'],
      ['1.4.0-beta.1', '1.3.0-beta.2'],
    ] as const) {
      expect(() => checkNewer(release(offered), installed), `${offered} on ${installed}`).not.toThrow();
    }
  });

  it('refuses a downgrade or a replayed old release, in words', () => {
    expect(() => checkNewer(release('1.1.0'), '1.2.0')).toThrow(
      notNewer(
        '1.1.0',
        /^Version 1\.1\.0 is not newer than the installed 1\.2\.0: a downgrade or an old release served again\. It was not installed\.$/,
      ),
    );
    // Compared as versions, not as text.
    expect(() => checkNewer(release('1.9.0'), '1.10.0')).toThrow(notNewer('1.9.0', /not newer/));
    expect(() => checkNewer(release('1.3.0-beta.1'), '1.3.0')).toThrow(notNewer('1.3.0-beta.1', /not newer/));
  });

  it('refuses the installed version itself, naming it so the caller can call that up to date', () => {
    expect(() => checkNewer(release('1.2.0'), '1.2.0')).toThrow(notNewer('1.2.0', /not newer/));
  });

  it('offers a pre-release only to a pre-release install', () => {
    expect(() => checkNewer(release('1.3.0-beta.1'), '1.2.0')).toThrow(
      notNewer('1.3.0-beta.1', /pre-release.*takes only releases/),
    );
  });

  it('treats an installed version that is not semver as a programming error', () => {
    expect(() => checkNewer(release('1.3.0'), 'dev')).toThrow(/not a semver version/);
  });
});
