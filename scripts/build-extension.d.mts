/** Builds src/extension into `outdir` (dist/extension by default) with the manifest at `version`. */
export function buildExtension(options?: { outdir?: string; version?: string }): Promise<string>;
