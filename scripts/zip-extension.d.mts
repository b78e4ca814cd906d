/** Zips the built extension at `from`; returns the zip's path (dist/ledgerline-extension-<version>.zip). */
export function zipExtension(options?: { from?: string; to?: string }): Promise<string>;
