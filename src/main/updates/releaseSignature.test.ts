import { readFileSync } from 'node:fs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { parseReleaseMetadata } from './releaseMetadata';
import {
  RELEASE_SIGNATURE_SUFFIX,
  releaseSignedMessage,
  signReleaseMetadata,
  verifyReleaseSignature,
} from './releaseSignature';
import type { UpdateRefusalCode } from '../../shared/updates';

const { secretKey, publicKey } = ed25519.keygen();
const metadata = utf8ToBytes('version: 1.2.0\nfiles:\n  - url: Ledgerline-1.2.0.AppImage\n');
const fileName = 'latest-linux.yml';

const refused = (code: UpdateRefusalCode, message: RegExp = /keeps running/) =>
  expect.objectContaining({
    name: 'UpdateRefusal',
    code,
    message: expect.stringMatching(message),
    version: null,
  });

describe('releaseSignedMessage', () => {
  it('is the domain line, the file name line, then the exact metadata bytes', () => {
    const message = releaseSignedMessage(fileName, metadata);
    const prefix = 'Ledgerline release metadata v1\nlatest-linux.yml\n';
    expect(new TextDecoder().decode(message.subarray(0, prefix.length))).toBe(prefix);
    expect(message.subarray(prefix.length)).toEqual(metadata);
  });

  it('refuses a file name that could shift the message (newline, folder)', () => {
    expect(() => releaseSignedMessage('latest.yml\nx', metadata)).toThrow(/file name/);
    expect(() => releaseSignedMessage('../latest.yml', metadata)).toThrow(/file name/);
    expect(() => releaseSignedMessage('', metadata)).toThrow(/file name/);
  });
});

describe('signReleaseMetadata and verifyReleaseSignature', () => {
  const signature = signReleaseMetadata(fileName, metadata, secretKey);

  it('writes one line of base64 of 64 bytes', () => {
    expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
    expect(RELEASE_SIGNATURE_SUFFIX).toBe('.sig');
  });

  it('accepts the metadata it signed, with or without surrounding whitespace', () => {
    for (const text of [signature, signature.trim(), ` ${signature.trim()}\r\n\r\n`]) {
      expect(() => verifyReleaseSignature({ fileName, metadata, signature: text, publicKey })).not.toThrow();
    }
  });

  it('refuses a missing or empty signature as unsigned', () => {
    for (const text of [null, '', ' \n']) {
      expect(() => verifyReleaseSignature({ fileName, metadata, signature: text, publicKey })).toThrow(
        refused('unsigned', /not signed.*keeps running/),
      );
    }
  });

  it('refuses metadata changed after signing, naming both possible causes', () => {
    const tampered = utf8ToBytes('version: 9.2.0\nfiles:\n  - url: Ledgerline-1.2.0.AppImage\n');
    expect(() => verifyReleaseSignature({ fileName, metadata: tampered, signature, publicKey })).toThrow(
      refused('bad-signature', /changed after it was signed.*key other than .*keeps running/),
    );
  });

  it('refuses a signature made with another key', () => {
    const other = signReleaseMetadata(fileName, metadata, ed25519.utils.randomSecretKey());
    expect(() => verifyReleaseSignature({ fileName, metadata, signature: other, publicKey })).toThrow(
      refused('bad-signature', /does not match/),
    );
  });

  it("refuses one file's signature for another file with the same bytes", () => {
    expect(() =>
      verifyReleaseSignature({ fileName: 'latest-mac.yml', metadata, signature, publicKey }),
    ).toThrow(refused('bad-signature', /does not match/));
  });

  it('refuses signature text that is not the canonical base64 of 64 bytes', () => {
    const base64 = signature.trim();
    const malformedTexts = [
      base64.slice(0, 86), // padding dropped
      `${base64.slice(0, 40)}\n${base64.slice(40)}`, // whitespace inside
      `-${base64.slice(1)}`, // base64url alphabet
      `${base64}${base64}`, // 128 bytes
      'x'.repeat(10_000),
      Buffer.from(new Uint8Array(64).fill(7)).toString('hex'), // hex, not base64
    ];
    for (const text of malformedTexts) {
      expect(() => verifyReleaseSignature({ fileName, metadata, signature: text, publicKey })).toThrow(
        refused('bad-signature', /not a signature at all/),
      );
    }
  });

  it('treats a public key of the wrong size as a programming error, not a refusal', () => {
    expect(() =>
      verifyReleaseSignature({ fileName, metadata, signature, publicKey: publicKey.subarray(1) }),
    ).toThrow(/32 bytes/);
  });
});

describe('the test vector in docs/UPDATES.md', () => {
  const doc = readFileSync(new URL('../../../docs/UPDATES.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## Test vector'));
  const field = (name: string) => new RegExp(`^${name}: +(\\S+)$`, 'm').exec(section)?.[1] ?? '';
  const vector = {
    fileName: 'latest-linux.yml',
    metadata: utf8ToBytes(/```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? ''),
    signature: `${field('signature')}\n`,
    publicKey: hexToBytes(field('public key')),
  };

  it('verifies, over the message prefix it shows', () => {
    expect(vector.metadata.length).toBe(340);
    expect(parseReleaseMetadata(new TextDecoder().decode(vector.metadata)).version).toBe('1.3.0');
    expect(() => verifyReleaseSignature(vector)).not.toThrow();
    const prefix = hexToBytes(field('message prefix'));
    expect(releaseSignedMessage(vector.fileName, vector.metadata)).toEqual(
      concatBytes(prefix, vector.metadata),
    );
  });

  it('fails with one byte changed, another file name or another key', () => {
    // The release date's last digit, 0 → 1.
    const changed = utf8ToBytes(new TextDecoder().decode(vector.metadata).replace(".000Z'", ".001Z'"));
    const otherKey = ed25519.getPublicKey(ed25519.utils.randomSecretKey());
    for (const altered of [
      { ...vector, metadata: changed },
      { ...vector, fileName: 'latest.yml' },
      { ...vector, publicKey: otherKey },
    ]) {
      expect(() => verifyReleaseSignature(altered)).toThrow(refused('bad-signature', /does not match/));
    }
  });
});
