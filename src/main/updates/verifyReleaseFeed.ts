import { type ReleaseMetadata, parseReleaseMetadata } from './releaseMetadata';
import { checkNewer } from './releasePolicy';
import { type SignedReleaseFile, verifyReleaseSignature } from './releaseSignature';
import { UpdateRefusal } from './updateRefusal';

/** electron-builder's latest*.yml is well under 2 KiB; anything past this is not release metadata. */
export const MAX_RELEASE_METADATA_BYTES = 64 * 1024;

export interface ReleaseFeedFile extends SignedReleaseFile {
  installedVersion: string;
}

/**
 * Everything between the feed's bytes and a release the updater may download, in this order: the size bound,
 * the signature over the exact bytes (nothing unsigned is even parsed), the metadata, then the version policy.
 * Throws UpdateRefusal, whose message says why in words.
 */
export function verifyReleaseFeed({ installedVersion, ...file }: ReleaseFeedFile): ReleaseMetadata {
  if (file.metadata.length > MAX_RELEASE_METADATA_BYTES) {
    throw new UpdateRefusal(
      'malformed',
      `The release feed's ${file.fileName} is larger than ${MAX_RELEASE_METADATA_BYTES / 1024} KiB, so it is not ` +
        'release metadata. It was not read or installed; the version installed now keeps running.',
    );
  }
  verifyReleaseSignature(file);
  const metadata = parseReleaseMetadata(decodeUtf8(file));
  checkNewer(metadata, installedVersion);
  return metadata;
}

function decodeUtf8({ fileName, metadata }: SignedReleaseFile): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(metadata);
  } catch {
    throw new UpdateRefusal(
      'malformed',
      `The release metadata (${fileName}) is signed, but it is not UTF-8 text. It was not installed; the ` +
        'version installed now keeps running.',
    );
  }
}
