/** Where the Electron binary is, or why it is not there; never downloads it. */
export function findElectronBinary(options?: {
  env?: NodeJS.ProcessEnv;
  packageDir?: string | null;
}): { path: string } | { missing: string };
