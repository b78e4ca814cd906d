import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAYLOAD_LIMIT_BYTES, payloadFigures } from './payloadFigures.mjs';

describe('payloadFigures', () => {
  it('measures app.asar and app.asar.unpacked on disk, and counts the files of both once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'payload-'));
    try {
      const archive = join(dir, 'app.asar');
      writeFileSync(archive, Buffer.alloc(1000));
      mkdirSync(join(`${archive}.unpacked`, 'node_modules/a'), { recursive: true });
      writeFileSync(join(`${archive}.unpacked`, 'node_modules/a/a.node'), Buffer.alloc(300));
      writeFileSync(join(`${archive}.unpacked`, 'b.node'), Buffer.alloc(20));
      const listed = [
        { path: 'package.json', size: 10, unpacked: false },
        { path: 'dist/main/electron.cjs', size: 900, unpacked: false },
        { path: 'node_modules/a/a.node', size: 300, unpacked: true },
        { path: 'b.node', size: 20, unpacked: true },
      ];
      expect(payloadFigures(archive, listed)).toEqual({ asarBytes: 1000, unpackedBytes: 320, files: 4 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sets the goal at 30 MiB', () => {
    expect(PAYLOAD_LIMIT_BYTES).toBe(31_457_280);
  });
});
