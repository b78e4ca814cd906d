import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDataDir } from './dataDir';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('prepareDataDir', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'data-dir-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('makes the directory and its missing parents for the owner only', () => {
    const dir = join(root, 'Ledgerline', 'browser-host');
    prepareDataDir(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(root, 'Ledgerline'))).toBe(0o700);
  });

  it('narrows a directory made before, and leaves what is in it alone', () => {
    const dir = join(root, 'wallet');
    mkdirSync(join(dir, 'inside'), { recursive: true });
    chmodSync(dir, 0o755);
    prepareDataDir(dir);
    expect(mode(dir)).toBe(0o700);
    expect(statSync(join(dir, 'inside')).isDirectory()).toBe(true);
  });
});
