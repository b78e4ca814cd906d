import { chmodSync, mkdirSync } from 'node:fs';

/** Owner only: the data directory holds the wallet's database and Electron's own profile files. */
export const DIRECTORY_MODE = 0o700;

/**
 * Makes the wallet's data directory (and any missing parents) readable by its owner alone, and narrows one
 * made before this to the same mode, since mkdir leaves an existing directory as it is. On Windows the mode
 * is not enforced; there the per-user profile folder's access list protects it.
 */
export function prepareDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIRECTORY_MODE });
  chmodSync(dir, DIRECTORY_MODE);
}
