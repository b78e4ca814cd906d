import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary.mjs';

describe('findElectronBinary', () => {
  let packageDir;
  beforeEach(() => {
    packageDir = mkdtempSync(join(tmpdir(), 'electron-pkg-'));
  });
  afterEach(() => rmSync(packageDir, { recursive: true, force: true }));

  const install = (executable) => {
    writeFileSync(join(packageDir, 'path.txt'), executable);
    mkdirSync(join(packageDir, 'dist'), { recursive: true });
    writeFileSync(join(packageDir, 'dist', executable), '');
  };

  it('finds the binary that path.txt names', () => {
    install('electron');
    expect(findElectronBinary({ env: {}, packageDir })).toEqual({
      path: join(packageDir, 'dist', 'electron'),
    });
  });

  it('says the binary was never downloaded when path.txt is missing', () => {
    expect(findElectronBinary({ env: {}, packageDir })).toEqual({
      missing: `${join(packageDir, 'path.txt')} is missing, so the binary was never downloaded`,
    });
  });

  it('says which file is gone when path.txt names a binary that is not there', () => {
    writeFileSync(join(packageDir, 'path.txt'), 'electron');
    expect(findElectronBinary({ env: {}, packageDir })).toEqual({
      missing: `${join(packageDir, 'dist', 'electron')} does not exist`,
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron itself does', () => {
    const dist = mkdtempSync(join(tmpdir(), 'electron-dist-'));
    try {
      writeFileSync(join(dist, 'electron'), '');
      expect(findElectronBinary({ env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, packageDir })).toEqual({
        path: join(dist, 'electron'),
      });
      expect(
        findElectronBinary({ env: { ELECTRON_OVERRIDE_DIST_PATH: join(dist, 'nope') }, packageDir }),
      ).toEqual({
        missing: `ELECTRON_OVERRIDE_DIST_PATH points at ${join(dist, 'nope', 'electron')}, which does not exist`,
      });
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('reports a missing electron package', () => {
    expect(findElectronBinary({ env: {}, packageDir: null })).toEqual({
      missing: 'the electron package is not in node_modules',
    });
  });
});
