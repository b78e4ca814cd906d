import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleBuild } from './ensureBuilt.mjs';

const OUTPUTS = [
  'dist/main/electron.cjs',
  'dist/preload/index.cjs',
  'dist/renderer/index.html',
  'dist/companion/index.html',
];

describe('staleBuild', () => {
  let project;
  const write = (path, secondsAgo) => {
    const file = join(project, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '');
    const when = Date.now() / 1000 - secondsAgo;
    utimesSync(file, when, when);
  };
  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'stale-'));
    write('src/main/core.ts', 100);
    write('package.json', 100);
    for (const output of OUTPUTS) write(output, 50);
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  it('is null when every built file is newer than every source', () => {
    expect(staleBuild(project)).toBeNull();
  });

  it('names a missing built file', () => {
    rmSync(join(project, 'dist/preload/index.cjs'));
    expect(staleBuild(project)).toBe('dist/preload/index.cjs is missing');
  });

  it('names what changed after the oldest built file, however deep in src', () => {
    write('src/main/updates/updateEngine.ts', 10);
    expect(staleBuild(project)).toBe('src changed since the last build');
    write('src/main/updates/updateEngine.ts', 100);
    write('dist/renderer/index.html', 200);
    expect(staleBuild(project)).toBe('src changed since the last build');
  });

  it('rebuilds after a change to the build script', () => {
    write('scripts/build.mjs', 10);
    expect(staleBuild(project)).toBe('scripts/build.mjs changed since the last build');
  });
});
