// Finds the Electron binary the way node_modules/electron/index.js does, but never downloads it: requiring
// `electron` from Node fetches the binary on first use, which must not happen on a machine without access.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * @param {{ env?: NodeJS.ProcessEnv, packageDir?: string | null }} [options]
 * @returns {{ path: string } | { missing: string }}
 */
export function findElectronBinary({ env = process.env, packageDir = electronPackageDir() } = {}) {
  if (packageDir === null) return { missing: 'the electron package is not in node_modules' };
  const pathFile = join(packageDir, 'path.txt');
  // electron's install script writes path.txt only once the binary is downloaded and unpacked.
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
    return existsSync(path)
      ? { path }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH points at ${path}, which does not exist` };
  }
  if (!executable) return { missing: `${pathFile} is missing, so the binary was never downloaded` };
  const path = join(packageDir, 'dist', executable);
  return existsSync(path) ? { path } : { missing: `${path} does not exist` };
}

function electronPackageDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}
