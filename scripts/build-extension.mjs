// Builds the browser extension (src/extension) into dist/extension: one classic script per entry, as
// content scripts and a service worker without `"type": "module"` need, plus the page, icon and manifest.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SOURCE = 'src/extension';
/** Entry → output name; the manifest and the worker name the outputs. */
const ENTRIES = {
  inpage: 'inpage.ts',
  content: 'content.ts',
  worker: 'worker.ts',
  pair: 'pair.ts',
  ethereum: 'ethereumFlag.ts',
};

/** @param {{ outdir?: string, version?: string }} [options] */
export async function buildExtension({ outdir = 'dist/extension', version } = {}) {
  const pkg = JSON.parse(await readFile('package.json', 'utf8'));
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, file]) => [name, join(SOURCE, file)]),
    ),
    outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // The manifest's minimum_chrome_version: the first with main-world content scripts in the manifest.
    target: 'chrome111',
    // Whitespace and syntax only: names stay readable for anyone who audits what the store ships.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  const manifest = JSON.parse(await readFile(join(SOURCE, 'manifest.json'), 'utf8'));
  manifest.version = version ?? pkg.version;
  await writeFile(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await Promise.all([
    copyFile(join(SOURCE, 'pair.html'), join(outdir, 'pair.html')),
    copyFile(join(SOURCE, 'pair.css'), join(outdir, 'pair.css')),
    copyFile('resources/icon.png', join(outdir, 'icon.png')),
  ]);
  return outdir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`built ${await buildExtension()}`);
}
