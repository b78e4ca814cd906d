// Signs a release's update metadata: `node scripts/sign-release.mjs <release dir>` writes `<file>.sig` beside
// every latest*.yml there (latest.yml for Windows, latest-mac.yml, latest-linux.yml, …), then verifies each
// signature back from disk, so a wrong secret fails the release instead of every user's update.
//
// LEDGERLINE_RELEASE_KEY: the release key's 32-byte Ed25519 seed in standard base64 (44 characters; the
// whitespace around it is ignored). It is never printed.
// LEDGERLINE_RELEASE_PUBLIC_KEY (tests only): a 32-byte public key in hex to verify against instead of the
// key pinned in the app, so a test can sign with a throwaway key. A release never sets it.
//
// The message construction and encoding are the app's own (src/main/updates/releaseSignature.ts), bundled
// here at run time, so the signer and the verifier cannot drift apart.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const METADATA_FILE = /^latest[A-Za-z0-9._-]*\.yml$/;

let trust;
try {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    throw new Error('usage: LEDGERLINE_RELEASE_KEY=<base64 seed> node scripts/sign-release.mjs <dir>');
  }
  trust = await loadReleaseTrust();
  const secretKey = decodeKey(process.env.LEDGERLINE_RELEASE_KEY);
  signRelease(dir, secretKey, verifyingKey(process.env.LEDGERLINE_RELEASE_PUBLIC_KEY));
} catch (error) {
  console.error(`sign-release: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

function signRelease(dir, secretKey, publicKey) {
  const fileNames = readdirSync(dir)
    .filter((name) => METADATA_FILE.test(name))
    .sort();
  if (fileNames.length === 0) throw new Error(`${dir} holds no latest*.yml to sign`);

  const written = [];
  try {
    for (const fileName of fileNames) {
      const metadata = readFileSync(join(dir, fileName));
      const signatureFile = join(dir, `${fileName}${trust.RELEASE_SIGNATURE_SUFFIX}`);
      writeFileSync(signatureFile, trust.signReleaseMetadata(fileName, metadata, secretKey));
      written.push(signatureFile);
      const signature = readFileSync(signatureFile, 'utf8');
      try {
        trust.verifyReleaseSignature({ fileName, metadata, signature, publicKey });
      } catch {
        throw new Error(
          `the signature of ${fileName} does not verify with the key ${trust.releaseKeyFingerprint(publicKey)}: ` +
            'LEDGERLINE_RELEASE_KEY is not the release key pinned in the app. No signature was kept.',
        );
      }
      console.log(`signed ${fileName} -> ${fileName}${trust.RELEASE_SIGNATURE_SUFFIX}`);
    }
  } catch (error) {
    for (const file of written) rmSync(file, { force: true });
    throw error;
  }
  console.log(`verified with the release key ${trust.releaseKeyFingerprint(publicKey)}`);
}

/** Canonical base64 of 32 bytes, surrounding whitespace aside; the error never repeats the value. */
function decodeKey(text) {
  if (!text?.trim()) throw new Error('LEDGERLINE_RELEASE_KEY is not set (the release key seed, base64)');
  const seed = trust.base64Bytes(text.trim(), 32);
  if (!seed) throw new Error('LEDGERLINE_RELEASE_KEY is not the base64 of a 32-byte Ed25519 seed');
  return seed;
}

function verifyingKey(hex) {
  if (hex === undefined || hex === '') return trust.RELEASE_PUBLIC_KEY;
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('LEDGERLINE_RELEASE_PUBLIC_KEY is not 32 bytes in hex');
  console.warn(
    'sign-release: verifying against LEDGERLINE_RELEASE_PUBLIC_KEY (tests only), not the pinned key',
  );
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/** The app's signing code, bundled into memory: the TypeScript sources use extensionless imports. */
async function loadReleaseTrust() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = await build({
    stdin: {
      contents: [
        "export { base64Bytes } from './src/main/updates/base64Bytes';",
        "export * from './src/main/updates/releaseSignature';",
        "export * from './src/main/updates/releaseKey';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
