import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One place a key turned up: the file (relative to the searched directory) and the form it was in. */
export interface KeySighting {
  file: string;
  form: string;
}

/**
 * The forms a 32-byte key can be written in, as byte patterns to look for. Base64 inside a longer base64 text
 * depends on where the key starts modulo 3, so each of the three alignments is searched, cut to the
 * characters the key alone decides.
 */
function keyForms(keyHex: string): [form: string, pattern: Buffer][] {
  const key = Buffer.from(keyHex, 'hex');
  if (key.length !== 32) throw new Error(`a symmetric key is 32 bytes, got ${key.length}`);
  const forms: [string, Buffer][] = [
    ['lowercase hex', Buffer.from(keyHex.toLowerCase())],
    ['uppercase hex', Buffer.from(keyHex.toUpperCase())],
    ['raw bytes', key],
  ];
  for (const [name, encoding] of [
    ['base64', 'base64'],
    ['base64url', 'base64url'],
  ] as const) {
    for (const lead of [0, 1, 2]) {
      const text = Buffer.concat([Buffer.alloc(lead), key])
        .toString(encoding)
        .replace(/=+$/, '');
      // Characters that mix the lead bytes or the end of the key with what follows are left out.
      const start = Math.ceil((lead * 8) / 6);
      const end = Math.floor(((lead + key.length) * 8) / 6);
      forms.push([`${name} (offset ${lead})`, Buffer.from(text.slice(start, end))]);
    }
  }
  return forms;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Every file under `dir` (the SQLite database, its -wal and -shm, anything else) searched, byte for byte,
 * for the key in each of its forms.
 */
export function searchForKey(dir: string, keyHex: string): KeySighting[] {
  const forms = keyForms(keyHex);
  const sightings: KeySighting[] = [];
  for (const path of filesUnder(dir)) {
    const bytes = readFileSync(path);
    for (const [form, pattern] of forms)
      if (bytes.includes(pattern)) sightings.push({ file: relative(dir, path), form });
  }
  return sightings;
}
