/** Injected by scripts/build.mjs from package.json, so the binary reports the version it was built from. */
declare const __APP_NAME__: string;
declare const __APP_VERSION__: string;
