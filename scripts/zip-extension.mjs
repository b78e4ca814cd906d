// `npm run dist`: packs dist/extension (from `npm run build`) into dist/ledgerline-extension-<version>.zip,
// the file a browser's store or an unpacked install takes.
import { zipSync } from 'fflate';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** @param {{ from?: string, to?: string }} [options] */
export async function zipExtension({ from = 'dist/extension', to } = {}) {
  const manifest = JSON.parse(await readFile(join(from, 'manifest.json'), 'utf8'));
  const files = {};
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    // Zip entries use forward slashes on every OS.
    files[relative(from, path).split(sep).join('/')] = new Uint8Array(await readFile(path));
  }
  const out = to ?? join('dist', `ledgerline-extension-${manifest.version}.zip`);
  await mkdir(dirname(out), { recursive: true });
  // A fixed time stamp, so the same build zips to the same bytes.
  await writeFile(out, zipSync(files, { level: 9, mtime: new Date('2020-01-01T00:00:00Z') }));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`packed ${await zipExtension()}`);
}
