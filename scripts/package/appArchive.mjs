// What an app.asar holds, from its header, and the app as Electron sees it: the archive with app.asar.unpacked.
import asar from '@electron/asar';
import { cpSync, existsSync } from 'node:fs';

/** @returns {{ path: string; size: number; unpacked: boolean }[]} paths with `/`, relative to the archive root */
export function listAsar(archivePath) {
  const files = [];
  const walk = (directory, prefix) => {
    for (const [name, entry] of Object.entries(directory.files)) {
      const path = prefix ? `${prefix}/${name}` : name;
      if ('files' in entry) walk(entry, path);
      else if (!('link' in entry))
        files.push({ path, size: Number(entry.size), unpacked: entry.unpacked === true });
    }
  };
  walk(asar.getRawHeader(archivePath).header, '');
  return files;
}

/** Extracts the archive into `appDir` with the unpacked files in place, so Node can resolve and load them. */
export function extractApp(archivePath, appDir) {
  asar.extractAll(archivePath, appDir);
  const unpacked = `${archivePath}.unpacked`;
  if (existsSync(unpacked)) cpSync(unpacked, appDir, { recursive: true });
}
