import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/envelope';
import { SyncFolder } from './syncFolder';

const NAME = '0123456789abcdef0123456789abcdef';
const OTHER = 'ffffffffffffffffffffffffffffffff';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sync-folder-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function refusal(work: Promise<unknown>): Promise<ApiError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('SyncFolder.open', () => {
  it('opens a directory this user can write to', async () => {
    const folder = await SyncFolder.open(dir);
    expect(folder.path).toBe(dir);
  });

  it('refuses a missing path with a sentence naming it', async () => {
    const missing = join(dir, 'not there');
    const error = await refusal(SyncFolder.open(missing));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe(`There is no folder at ${missing}.`);
  });

  it('refuses a file that is not a directory', async () => {
    const file = join(dir, 'a file');
    writeFileSync(file, 'x');
    const error = await refusal(SyncFolder.open(file));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe(`There is no folder at ${file}.`);
  });
});

describe('SyncFolder blobs', () => {
  it('writes a blob under <name>.llsync, leaves no temporary file, and reads it back', async () => {
    const folder = await SyncFolder.open(dir);
    const bytes = new Uint8Array([1, 2, 3, 255]);
    await folder.write(NAME, bytes);
    expect(readdirSync(dir)).toEqual([`${NAME}.llsync`]);
    expect(new Uint8Array(readFileSync(join(dir, `${NAME}.llsync`)))).toEqual(bytes);
    expect(await folder.read(NAME)).toEqual(bytes);
  });

  it('overwrites in place', async () => {
    const folder = await SyncFolder.open(dir);
    await folder.write(NAME, new Uint8Array(512).fill(1));
    await folder.write(NAME, new Uint8Array(2048).fill(2));
    expect(readdirSync(dir)).toEqual([`${NAME}.llsync`]);
    expect(await folder.read(NAME)).toEqual(new Uint8Array(2048).fill(2));
  });

  it('reads null for a missing name, and lists the names present', async () => {
    const folder = await SyncFolder.open(dir);
    expect(await folder.read(NAME)).toBeNull();
    expect(await folder.list()).toEqual(new Set());
    await folder.write(NAME, new Uint8Array([9]));
    await folder.write(OTHER, new Uint8Array([9]));
    expect(await folder.list()).toEqual(new Set([NAME, OTHER]));
  });

  it('remove() deletes one blob, and removing an absent one is harmless', async () => {
    const folder = await SyncFolder.open(dir);
    await folder.write(NAME, new Uint8Array([1]));
    await folder.write(OTHER, new Uint8Array([2]));
    await folder.remove(NAME);
    await folder.remove(NAME);
    expect(await folder.read(NAME)).toBeNull();
    expect(readdirSync(dir)).toEqual([`${OTHER}.llsync`]);
  });

  it('ignores files that are not its blobs, half-written ones included', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, `${OTHER}.llsync.123.tmp`), 'half');
    writeFileSync(join(dir, `${NAME.toUpperCase()}.llsync`), 'not ours');
    const folder = await SyncFolder.open(dir);
    expect(await folder.list()).toEqual(new Set());
    await folder.write(NAME, new Uint8Array([1]));
    expect(await folder.list()).toEqual(new Set([NAME]));
    expect(readdirSync(dir)).toContain('notes.txt');
  });

  it.each([
    ['a path out of the folder', '../x'],
    ['a nested path', `sub/${NAME.slice(4)}`],
    ['upper-case hex', NAME.toUpperCase()],
    ['too short', NAME.slice(1)],
    ['too long', `${NAME}0`],
    ['with the suffix', `${NAME}.llsync`],
    ['empty', ''],
    ['traversal padded to length', `../../${'a'.repeat(26)}`],
  ])('refuses a name that is not 32 hex digits: %s', async (_what, name) => {
    const folder = await SyncFolder.open(dir);
    const bytes = new Uint8Array([1]);
    await expect(folder.write(name, bytes)).rejects.toThrow(/not a sync blob name/);
    await expect(folder.read(name)).rejects.toThrow(/not a sync blob name/);
    await expect(folder.remove(name)).rejects.toThrow(/not a sync blob name/);
    expect(readdirSync(dir)).toEqual([]);
    expect(readdirSync(join(dir, '..')).includes('x.llsync')).toBe(false);
  });
});
