import type { Metafile, Plugin } from 'esbuild';

export const TREZOR_CONNECT_FILE: string;
/** Builds trezor-connect.cjs into `outdir` (dist/main by default). */
export function buildTrezorConnect(
  outdir?: string,
): Promise<{ file: string; bytes: number; metafile: Metafile }>;
/** Builds the packaged-layout Trezor check into `outdir` (dist/check by default); resolves with its path. */
export function buildPackagedTrezorCheck(outdir?: string): Promise<string>;
export function trezorConnectBundleRedirect(bundlePath?: string): Plugin;
