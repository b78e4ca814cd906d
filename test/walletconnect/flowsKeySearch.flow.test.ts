import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { searchForKey } from './flowsKeySearch';

/** The search the WalletConnect flows run over the desktop's data directory must be able to find a key. */
describe('searchForKey', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'key-search-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const key = randomBytes(32);
  const hex = key.toString('hex');
  const noise = (length: number) => randomBytes(length);

  it.each([
    ['lowercase hex', Buffer.from(`{"symKey":"${hex}"}`)],
    ['uppercase hex', Buffer.from(`KEY=${hex.toUpperCase()};`)],
    ['raw bytes', Buffer.concat([noise(100), key, noise(7)])],
    ['base64 (offset 0)', Buffer.from(`"${key.toString('base64')}"`)],
    ['base64 (offset 1)', Buffer.from(Buffer.concat([noise(1), key, noise(5)]).toString('base64'))],
    ['base64 (offset 2)', Buffer.from(Buffer.concat([noise(2), key, noise(5)]).toString('base64'))],
    ['base64url (offset 1)', Buffer.from(Buffer.concat([noise(4), key, noise(2)]).toString('base64url'))],
  ])('finds a key written as %s, in a nested file', (form, contents) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'deep', 'er'), { recursive: true });
    writeFileSync(join(dir, 'deep', 'er', 'store.db-wal'), contents);
    writeFileSync(join(dir, 'other.json'), '{"nothing":"here"}');
    expect(searchForKey(dir, hex)).toContainEqual({ file: join('deep', 'er', 'store.db-wal'), form });
  });

  it('finds nothing where only other keys are', () => {
    const dir = tempDir();
    const other = randomBytes(32);
    writeFileSync(join(dir, 'keys'), `${other.toString('hex')} ${other.toString('base64')}`);
    writeFileSync(join(dir, 'raw'), other);
    expect(searchForKey(dir, hex)).toEqual([]);
  });

  it('refuses something that is not a 32-byte key', () => {
    expect(() => searchForKey(tempDir(), 'abcd')).toThrow(/32 bytes/);
  });
});
