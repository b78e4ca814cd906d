import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { UpdateRefusalCode } from '../../shared/updates';
import { signReleaseMetadata } from './releaseSignature';
import { MAX_RELEASE_METADATA_BYTES, verifyReleaseFeed } from './verifyReleaseFeed';

const { secretKey, publicKey } = ed25519.keygen();
const fileName = 'latest-linux.yml';
const sha512 = createHash('sha512').update('the AppImage').digest('base64');
const latest = (version: string) =>
  utf8ToBytes(
    `version: ${version}\nfiles:\n  - url: Ledgerline-${version}.AppImage\n    sha512: ${sha512}\n`,
  );

function feed(metadata: Uint8Array, signature = signReleaseMetadata(fileName, metadata, secretKey)) {
  return { fileName, metadata, signature, publicKey, installedVersion: '1.2.0' };
}

const refused = (
  code: UpdateRefusalCode,
  version: string | null = null,
  message = /keeps running|not installed/,
) =>
  expect.objectContaining({ name: 'UpdateRefusal', code, version, message: expect.stringMatching(message) });

describe('verifyReleaseFeed', () => {
  it('returns the metadata of a signed, newer release', () => {
    expect(verifyReleaseFeed(feed(latest('1.3.0')))).toEqual({
      version: '1.3.0',
      files: [{ url: 'Ledgerline-1.3.0.AppImage', sha512, size: null }],
      releaseDate: null,
    });
  });

  it('checks the signature before reading anything: unsigned garbage is unsigned, not malformed', () => {
    const garbage = utf8ToBytes('version: [');
    expect(() => verifyReleaseFeed({ ...feed(garbage), signature: null })).toThrow(refused('unsigned'));
    const otherFilesSignature = signReleaseMetadata(fileName, latest('1.3.0'), secretKey);
    expect(() => verifyReleaseFeed(feed(garbage, otherFilesSignature))).toThrow(refused('bad-signature'));
  });

  it('refuses oversized metadata before verifying it', () => {
    const huge = new Uint8Array(MAX_RELEASE_METADATA_BYTES + 1).fill(0x20);
    expect(() => verifyReleaseFeed(feed(huge, 'not even a signature'))).toThrow(
      refused('malformed', null, /larger than 64 KiB/),
    );
  });

  it('refuses signed metadata that is not UTF-8 or not release metadata', () => {
    expect(() => verifyReleaseFeed(feed(new Uint8Array([0x76, 0xff, 0xfe])))).toThrow(
      refused('malformed', null, /not UTF-8/),
    );
    expect(() => verifyReleaseFeed(feed(utf8ToBytes('version: 1.3.0\n')))).toThrow(
      refused('malformed', '1.3.0'),
    );
  });

  it('refuses a signed downgrade and the signed installed release served again', () => {
    expect(() => verifyReleaseFeed(feed(latest('1.1.0')))).toThrow(refused('not-newer', '1.1.0'));
    expect(() => verifyReleaseFeed(feed(latest('1.2.0')))).toThrow(refused('not-newer', '1.2.0'));
  });
});
