import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { dump } from 'js-yaml';
import { RELEASE_SIGNATURE_SUFFIX, signReleaseMetadata } from '../../src/main/updates/releaseSignature';

/** A release signing key made for one test run; nothing outside the test ever trusts it. */
export interface ThrowawayKey {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export const throwawayKey = (): ThrowawayKey => ed25519.keygen();

/** The channel file electron-updater's Linux updaters read on this machine (latest-linux.yml on x64). */
export function linuxChannelFile(arch: string = process.arch): string {
  return `latest-linux${arch === 'x64' ? '' : `-${arch}`}.yml`;
}

export interface FixtureRelease {
  version: string;
  /** Signs the metadata with this key; null publishes it unsigned. */
  signedBy: ThrowawayKey | null;
  /** What an attacker changed after signing: the artifact served, or the metadata's bytes. */
  tamper?: 'artifact' | 'metadata';
}

export interface WrittenRelease {
  dir: string;
  artifact: string;
  /** The bytes the signed metadata names. */
  signedBytes: Buffer;
}

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/**
 * Writes one scenario's feed as electron-builder and the release workflow would: a small `.deb` (random
 * bytes, a few KiB), `latest-linux.yml` naming its sha512 and size, and the `.sig` beside it.
 */
export async function writeRelease(dir: string, release: FixtureRelease): Promise<WrittenRelease> {
  await mkdir(dir, { recursive: true });
  const artifact = `Ledgerline-${release.version}.deb`;
  const signedBytes = randomBytes(4096);
  const served = release.tamper === 'artifact' ? randomBytes(signedBytes.length) : signedBytes;
  await writeFile(join(dir, artifact), served);
  const channelFile = linuxChannelFile();
  const metadata = (hash: string) =>
    Buffer.from(
      dump({
        version: release.version,
        files: [{ url: artifact, sha512: hash, size: signedBytes.length }],
        path: artifact,
        sha512: hash,
        releaseDate: '2026-12-01T10:00:00.000Z',
      }),
    );
  const signed = metadata(sha512(signedBytes));
  if (release.signedBy) {
    const signature = signReleaseMetadata(channelFile, signed, release.signedBy.secretKey);
    await writeFile(join(dir, `${channelFile}${RELEASE_SIGNATURE_SUFFIX}`), signature);
  }
  // The attacker's edit: the artifact's hash swapped for that of a file of their own.
  const published =
    release.tamper === 'metadata' ? metadata(sha512(randomBytes(signedBytes.length))) : signed;
  await writeFile(join(dir, channelFile), published);
  return { dir, artifact, signedBytes };
}
