import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules (DESIGN.md)', () => {
  const electron = "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n";

  it.each(['src/shared/api/x.ts', 'src/main/store/x.ts', 'src/renderer/x.tsx', 'src/companion/x.ts'])(
    'fails a file in %s that imports electron',
    async (file) => {
      const messages = await restrictedImports(file, electron);
      expect(messages.join('\n')).toMatch(
        /electron may only be imported in src\/main\/electron and src\/preload/,
      );
    },
  );

  it.each(['src/main/electron/x.ts', 'src/preload/x.ts'])('lets %s import electron', async (file) => {
    expect(await restrictedImports(file, electron)).toEqual([]);
  });

  it.each([
    ['src/shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/renderer/x.ts', "import path from 'path';\nexport const x = path;\n"],
    ['src/preload/x.ts', "import { spawn } from 'child_process';\nexport const x = spawn;\n"],
    ['src/renderer/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
  ])('fails a Node import in %s', async (file, code) => {
    expect((await restrictedImports(file, code)).join('\n')).toMatch(/Node modules are not allowed/);
  });

  it.each([
    ['src/shared/x.ts', "import { createCore } from '../main/core';\nexport const x = createCore;\n"],
    [
      'src/renderer/x.ts',
      "import { createRouter } from '../main/api/router';\nexport const x = createRouter;\n",
    ],
    ['src/main/store/x.ts', "import { App } from '../../renderer/App';\nexport const x = App;\n"],
    ['src/main/api/x.ts', "import { boot } from '../electron/main';\nexport const x = boot;\n"],
  ])('fails an uphill import in %s', async (file, code) => {
    expect((await restrictedImports(file, code)).join('\n')).toMatch(/may not import this layer/);
  });

  it('finds `electron` imported only under src/main/electron and src/preload', () => {
    const sources = readdirSync('src', { recursive: true, encoding: 'utf8' })
      .map((f) => join('src', f))
      .filter((f) => /\.(ts|tsx|mts|cts|js|mjs)$/.test(f));
    const importers = sources.filter((f) => /from ['"]electron['"]/.test(readFileSync(f, 'utf8')));
    expect(importers.filter((f) => !/^src\/(main\/electron|preload)\//.test(f))).toEqual([]);
  });
});
