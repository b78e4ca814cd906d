import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { load } from 'js-yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { releaseKeyFingerprint, RELEASE_PUBLIC_KEY } from '../src/main/updates/releaseKey';
import { verifyReleaseSignature } from '../src/main/updates/releaseSignature';

const SCRIPT = new URL('./sign-release.mjs', import.meta.url).pathname;
const METADATA = { 'latest.yml': 'version: 1.3.0\n', 'latest-linux.yml': 'version: 1.3.0\nfiles: []\n' };

/** A throwaway key made here: the production key is never in a test. */
const { secretKey, publicKey } = ed25519.keygen();
const seed = Buffer.from(secretKey).toString('base64');

function signRelease(dir: string, env: Record<string, string>) {
  const run = spawnSync(process.execPath, [SCRIPT, dir], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  const output = `${run.stdout}${run.stderr}`;
  // Whatever happens, the key never reaches the log.
  expect(output).not.toContain(seed);
  expect(output).not.toContain(Buffer.from(secretKey).toString('hex'));
  return { status: run.status, output };
}

describe('scripts/sign-release.mjs', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledgerline-release-'));
    for (const [name, text] of Object.entries(METADATA)) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, 'builder-debug.yml'), 'not update metadata\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('signs every latest*.yml with the app’s own message and encoding, and verifies them back', () => {
    const testKey = Buffer.from(publicKey).toString('hex');
    const { status, output } = signRelease(dir, {
      LEDGERLINE_RELEASE_KEY: ` ${seed}\n`,
      LEDGERLINE_RELEASE_PUBLIC_KEY: testKey,
    });
    expect(status, output).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'builder-debug.yml',
      'latest-linux.yml',
      'latest-linux.yml.sig',
      'latest.yml',
      'latest.yml.sig',
    ]);
    for (const fileName of Object.keys(METADATA)) {
      const signature = readFileSync(join(dir, `${fileName}.sig`), 'utf8');
      const metadata = readFileSync(join(dir, fileName));
      expect(() => verifyReleaseSignature({ fileName, metadata, signature, publicKey })).not.toThrow();
    }
    expect(output).toContain(`verified with the release key ${releaseKeyFingerprint(publicKey)}`);
    expect(output).toMatch(/tests only/);
  });

  it('fails the release, keeping no signature, when the key is not the pinned release key', () => {
    const { status, output } = signRelease(dir, { LEDGERLINE_RELEASE_KEY: seed });
    expect(status).toBe(1);
    expect(output).toContain(releaseKeyFingerprint(RELEASE_PUBLIC_KEY));
    expect(output).toMatch(/not the release key pinned in the app/);
    expect(readdirSync(dir).filter((name) => name.endsWith('.sig'))).toEqual([]);
  });

  it('refuses a missing or malformed key without repeating it', () => {
    const hexSeed = Buffer.from(secretKey).toString('hex');
    expect(signRelease(dir, {}).output).toMatch(/LEDGERLINE_RELEASE_KEY is not set/);
    for (const key of [hexSeed, seed.slice(0, 40), `${seed}${seed}`]) {
      const { status, output } = signRelease(dir, { LEDGERLINE_RELEASE_KEY: key });
      expect(status).toBe(1);
      expect(output).toMatch(/not the base64 of a 32-byte Ed25519 seed/);
      expect(output).not.toContain(key);
    }
    expect(existsSync(join(dir, 'latest.yml.sig'))).toBe(false);
  });

  it('fails when there is nothing to sign', () => {
    const empty = mkdtempSync(join(tmpdir(), 'ledgerline-release-empty-'));
    try {
      const { status, output } = signRelease(empty, { LEDGERLINE_RELEASE_KEY: seed });
      expect(status).toBe(1);
      expect(output).toMatch(/holds no latest\*\.yml/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the release workflow', () => {
  interface Step {
    name?: string;
    run?: string;
    uses?: string;
    env?: Record<string, string>;
    with?: { path?: string };
  }
  const workflow = load(
    readFileSync(new URL('../.github/workflows/release.yml', import.meta.url), 'utf8'),
  ) as {
    jobs: { installers: { steps: Step[] } };
  };
  const steps = workflow.jobs.installers.steps;

  it('signs the metadata with the secret key after every build step, and uploads the signatures', () => {
    const signing = steps.findIndex((step) => step.run === 'node scripts/sign-release.mjs release');
    expect(signing).toBeGreaterThan(-1);
    expect(steps[signing]?.env).toEqual({ LEDGERLINE_RELEASE_KEY: '${{ secrets.LEDGERLINE_RELEASE_KEY }}' });
    const lastBuild = steps.findLastIndex((step) => step.run?.startsWith('npm run dist'));
    const upload = steps.findIndex((step) => step.uses?.startsWith('actions/upload-artifact'));
    expect(lastBuild).toBeGreaterThan(-1);
    expect(lastBuild).toBeLessThan(signing);
    expect(signing).toBeLessThan(upload);
    expect(steps[upload]?.with?.path?.split('\n')).toEqual(
      expect.arrayContaining(['release/latest*.yml', 'release/latest*.yml.sig']),
    );
    // The secret is handed to that step only.
    const others = steps.filter((_, index) => index !== signing);
    expect(JSON.stringify(others)).not.toContain('LEDGERLINE_RELEASE_KEY');
  });
});
