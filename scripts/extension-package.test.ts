import { unzipSync } from 'fflate';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from './build-extension.mjs';
import { zipExtension } from './zip-extension.mjs';

interface Manifest {
  manifest_version: number;
  version: string;
  permissions: string[];
  host_permissions: string[];
  background: { service_worker: string };
  options_ui: { page: string };
  icons: Record<string, string>;
  content_scripts: { matches: string[]; js: string[]; run_at: string; all_frames: boolean; world?: string }[];
}

/** Where the provider runs: https sites, and a dApp under development on this machine. */
const SITES = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

describe('the browser extension package', () => {
  let root: string;
  let outdir: string;
  let manifest: Manifest;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'extension-'));
    outdir = await buildExtension({ outdir: join(root, 'extension'), version: '1.2.3' });
    manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as Manifest;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is a Manifest V3 extension at the version it was built for, asking only for storage, scripting and the clicked tab', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.permissions).toEqual(['storage', 'scripting', 'activeTab']);
    expect(manifest.host_permissions).toEqual(SITES);
  });

  it('runs the relay in the isolated world and the provider in the main world, in every frame at document_start', () => {
    expect(manifest.content_scripts).toEqual([
      { matches: SITES, js: ['content.js'], run_at: 'document_start', all_frames: true },
      { matches: SITES, js: ['inpage.js'], run_at: 'document_start', all_frames: true, world: 'MAIN' },
    ]);
  });

  it('contains every file the manifest, the pairing page and the worker name', () => {
    const named = [
      manifest.background.service_worker,
      manifest.options_ui.page,
      ...Object.values(manifest.icons),
      ...manifest.content_scripts.flatMap((script) => script.js),
      'pair.js',
      'pair.css',
      // The worker registers it for the sites with window.ethereum turned on.
      'ethereum.js',
    ];
    for (const file of named) expect(existsSync(join(outdir, file)), file).toBe(true);
    const page = readFileSync(join(outdir, 'pair.html'), 'utf8');
    expect(page).toContain('src="pair.js"');
    expect(page).toContain('href="pair.css"');
  });

  it('bundles classic scripts that import nothing at run time', () => {
    for (const file of ['inpage.js', 'content.js', 'worker.js', 'pair.js', 'ethereum.js']) {
      const code = readFileSync(join(outdir, file), 'utf8');
      expect(code, file).not.toMatch(/^\s*import\s|\brequire\(/m);
    }
  });

  it('zips the whole folder, byte for byte', async () => {
    const zip = await zipExtension({ from: outdir, to: join(root, 'extension.zip') });
    const files = unzipSync(new Uint8Array(readFileSync(zip)));
    expect(Object.keys(files).sort()).toEqual([
      'content.js',
      'ethereum.js',
      'icon.png',
      'inpage.js',
      'manifest.json',
      'pair.css',
      'pair.html',
      'pair.js',
      'worker.js',
    ]);
    expect(files['manifest.json']).toEqual(new Uint8Array(readFileSync(join(outdir, 'manifest.json'))));
  });

  it('names the zip after the version', async () => {
    const zip = await zipExtension({ from: outdir });
    try {
      expect(zip).toBe(join('dist', 'ledgerline-extension-1.2.3.zip'));
    } finally {
      rmSync(zip, { force: true });
    }
  });
});
