import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layoutCheckConfig, writeStandInElectron } from './packLinuxDir.mjs';

describe('the layout check packing', () => {
  let dir;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pack-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a stand-in Electron that electron-builder accepts and that refuses to run', () => {
    const standIn = writeStandInElectron(join(dir, 'electron'), '45.6.1');
    expect(readFileSync(join(standIn, 'version'), 'utf8')).toBe('45.6.1');
    expect(() => accessSync(join(standIn, 'electron'), constants.X_OK)).not.toThrow();
  });

  it("packs electron-builder.yml's files, without fuses and into the check's own directory", () => {
    const config = layoutCheckConfig({
      configFile: 'electron-builder.yml',
      electronDist: '/stand-in',
      outDir: '/out',
    });
    expect(config.electronFuses).toBeNull();
    expect(config.electronDist).toBe('/stand-in');
    expect(config.directories).toEqual({ output: '/out', buildResources: 'resources' });
    expect(config.files).toContain('dist/main/**');
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.linux.extraResources).toEqual([
      { from: 'resources/linux/udev', to: 'udev', filter: ['*.rules'] },
    ]);
  });
});
