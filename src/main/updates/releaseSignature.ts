import { ed25519 } from '@noble/curves/ed25519.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';
import { base64Bytes } from './base64Bytes';
import { UpdateRefusal } from './updateRefusal';

/** The signature of `latest-linux.yml` is published beside it as `latest-linux.yml.sig`. */
export const RELEASE_SIGNATURE_SUFFIX = '.sig';

const DOMAIN = 'Ledgerline release metadata v1\n';
const SIGNATURE_BYTES = 64;
const PUBLIC_KEY_BYTES = 32;
/** A feed file name goes into the signed message between newlines, so it must not contain one. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** Whitespace around the base64 (a trailing newline, Windows line endings) is ignored; none inside. */
const SURROUNDING_WHITESPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;
const ONLY_WHITESPACE = /^[ \t\r\n]*$/;
/** 88 characters of base64 and a little whitespace; longer text is not read, so trimming it stays cheap. */
const MAX_SIGNATURE_TEXT = 256;

const KEEPS_RUNNING = 'It was not installed; the version installed now keeps running.';

/**
 * The bytes the release key signs: a domain string, the metadata's file name, then the file's exact bytes.
 * The file name is bound so that latest-mac.yml's signature cannot pass for latest-linux.yml.
 */
export function releaseSignedMessage(fileName: string, metadata: Uint8Array): Uint8Array {
  if (!FILE_NAME.test(fileName)) {
    throw new Error(`not a release metadata file name: ${JSON.stringify(fileName)}`);
  }
  return concatBytes(utf8ToBytes(`${DOMAIN}${fileName}\n`), metadata);
}

/** The text of `<fileName>.sig`: the base64 of the 64-byte Ed25519 signature, and a newline. */
export function signReleaseMetadata(fileName: string, metadata: Uint8Array, privateKey: Uint8Array): string {
  const signature = ed25519.sign(releaseSignedMessage(fileName, metadata), privateKey);
  return `${base64.encode(signature)}\n`;
}

export interface SignedReleaseFile {
  fileName: string;
  metadata: Uint8Array;
  /** The `.sig` file's text, or null when the feed has none. */
  signature: string | null;
  publicKey: Uint8Array;
}

/** Throws UpdateRefusal 'unsigned' or 'bad-signature' unless `publicKey` signed exactly these bytes. */
export function verifyReleaseSignature({
  fileName,
  metadata,
  signature,
  publicKey,
}: SignedReleaseFile): void {
  if (publicKey.length !== PUBLIC_KEY_BYTES) throw new Error('the release public key must be 32 bytes');
  if (signature === null || ONLY_WHITESPACE.test(signature)) {
    throw new UpdateRefusal(
      'unsigned',
      `The release metadata (${fileName}) is not signed. Ledgerline installs only releases signed with its ` +
        `release key. ${KEEPS_RUNNING}`,
    );
  }
  const bytes =
    signature.length <= MAX_SIGNATURE_TEXT
      ? base64Bytes(signature.replace(SURROUNDING_WHITESPACE, ''), SIGNATURE_BYTES)
      : null;
  if (!bytes) {
    throw new UpdateRefusal(
      'bad-signature',
      `The signature published beside ${fileName} is not a signature at all (expected the base64 of 64 ` +
        `bytes). ${KEEPS_RUNNING}`,
    );
  }
  // Strict RFC 8032 decoding (not ZIP-215): the signer is our own workflow, which only makes canonical ones.
  if (!ed25519.verify(bytes, releaseSignedMessage(fileName, metadata), publicKey, { zip215: false })) {
    throw new UpdateRefusal(
      'bad-signature',
      `The signature of the release metadata (${fileName}) does not match: either the metadata was changed ` +
        `after it was signed, or it was signed with a key other than Ledgerline's release key. ${KEEPS_RUNNING}`,
    );
  }
}
