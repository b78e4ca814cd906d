import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { base64Bytes } from './base64Bytes';
import { UpdateRefusal } from './updateRefusal';

/**
 * Throws UpdateRefusal 'checksum' unless the file's SHA-512 is the one the signed metadata names (base64, as
 * electron-builder writes it). The file is streamed, so an installer of any size is checked in constant memory.
 */
export async function checkDownloadedRelease(file: string, expectedSha512: string): Promise<void> {
  const expected = base64Bytes(expectedSha512, 64);
  if (!expected) throw new Error('the expected sha512 is not the base64 of 64 bytes');
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  if (!timingSafeEqual(hash.digest(), expected)) throw checksumRefusal(basename(file));
}

/** A download whose SHA-512 is not the signed one, found by us or by electron-updater, in the same words. */
export function checksumRefusal(fileName: string, version: string | null = null): UpdateRefusal {
  return new UpdateRefusal(
    'checksum',
    `The downloaded ${fileName} is not the file the signed release metadata names (its SHA-512 differs), so ` +
      'it was not installed; the version installed now keeps running.',
    version,
  );
}
