import { runPackagedTrezorCheck } from './packagedTrezorCheck';

/*
 * `node dist/check/packaged-trezor.mjs <appDir>`: the packaged-layout Trezor check as a command, for
 * scripts/check-package.mjs. Prints the result as JSON; exits 1 with the reason when the check fails.
 */
const appDir = process.argv[2];
if (appDir === undefined) {
  console.error('usage: node dist/check/packaged-trezor.mjs <extracted app directory>');
  process.exit(2);
}
try {
  console.log(JSON.stringify(await runPackagedTrezorCheck(appDir)));
  process.exit(0);
} catch (error) {
  console.error(`Packaged Trezor check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
