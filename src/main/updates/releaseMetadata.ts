import { JSON_SCHEMA, load } from 'js-yaml';
import { valid } from 'semver';
import { z } from 'zod';
import { ReleaseVersion } from '../../shared/updates';
import { base64Bytes } from './base64Bytes';
import { UpdateRefusal } from './updateRefusal';

/** What a signed `latest*.yml` says, once checked: the only fields the updater acts on. */
export interface ReleaseMetadata {
  version: string;
  files: ReleaseFile[];
  releaseDate: string | null;
}

export interface ReleaseFile {
  /** A plain file name, resolved against the feed's address. */
  url: string;
  /** Base64 of the file's SHA-512, as electron-builder writes it. */
  sha512: string;
  size: number | null;
}

const MAX_METADATA_CHARS = 64 * 1024;
const MAX_FILES = 16;
const MAX_FILE_SIZE = 2 ** 40;

/**
 * A file name only: no scheme, no folder, no `..`, so a signed feed can only point at files beside its own
 * metadata and never send the download to another host or path.
 */
const FileName = z
  .string()
  .max(200, 'a plain file name of at most 200 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._+~-]*$/, 'a plain file name')
  .refine((name) => !name.includes('..'), 'a plain file name without ".."');

const Sha512 = z.string().refine((text) => base64Bytes(text, 64) !== null, 'the base64 of a 64-byte SHA-512');

const ReleaseFileSchema = z.object({
  url: FileName,
  sha512: Sha512,
  size: z.number().int().min(0).max(MAX_FILE_SIZE).optional(),
});

// Unknown keys (blockMapSize, releaseNotes, stagingPercentage, …) are dropped: the updater sees only these.
const Schema = z.object({
  version: ReleaseVersion.refine((version) => valid(version) === version, 'a semver version'),
  files: z.array(ReleaseFileSchema).min(1, 'at least one file').max(MAX_FILES, `at most ${MAX_FILES} files`),
  // Older clients read the first file from these two; when present they must name one of `files`.
  path: FileName.optional(),
  sha512: Sha512.optional(),
  releaseDate: z.string().max(64).optional(),
});

/** Parses electron-builder's `latest*.yml`; throws UpdateRefusal 'malformed' in words if it is not one. */
export function parseReleaseMetadata(text: string): ReleaseMetadata {
  if (text.length > MAX_METADATA_CHARS) throw malformed(`it is longer than ${MAX_METADATA_CHARS} characters`);
  let document: unknown;
  try {
    // JSON_SCHEMA: plain strings, numbers, booleans and null; no timestamps, no binary, no custom tags.
    // A key written twice is an error too (js-yaml's default), so no reader can see a different value.
    document = load(text, { schema: JSON_SCHEMA });
  } catch (error) {
    throw malformed(`it is not valid YAML (${firstLine(error)})`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw malformed('it is not a list of fields like "version:" and "files:"');
  }
  const parsed = Schema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw malformed(
      `${issue?.path.join('.') || 'the document'}: ${issue?.message ?? 'unexpected content'}`,
      offeredVersion(document),
    );
  }
  const { version, files, path, sha512, releaseDate } = parsed.data;
  const legacyNamesAFile = files.some(
    (file) => (path ?? file.url) === file.url && (sha512 ?? file.sha512) === file.sha512,
  );
  if (!legacyNamesAFile) throw malformed('its "path" and "sha512" do not name one of its files', version);
  return {
    version,
    files: files.map((file) => ({ url: file.url, sha512: file.sha512, size: file.size ?? null })),
    releaseDate: releaseDate ?? null,
  };
}

function offeredVersion(document: object): string | null {
  const parsed = Schema.shape.version.safeParse((document as { version?: unknown }).version);
  return parsed.success ? parsed.data : null;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 120);
}

function malformed(why: string, version: string | null = null): UpdateRefusal {
  return new UpdateRefusal(
    'malformed',
    `The release metadata is signed, but it is not release metadata this version can read: ${why.slice(0, 200)}. ` +
      'It was not installed; the version installed now keeps running.',
    version,
  );
}
