import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core';
import { createLogger } from '../../src/main/log';
import { accountsCalls } from '../../src/shared/api/calls/accounts';
import { appCalls } from '../../src/shared/api/calls/app';
import { chainsCalls } from '../../src/shared/api/calls/chains';
import { devicesCalls } from '../../src/shared/api/calls/devices';
import { localDataCalls } from '../../src/shared/api/calls/localData';
import { settingsCalls } from '../../src/shared/api/calls/settings';
import { CHANNELS, calls, type Channel } from '../../src/shared/api/contract';
import { RESET_CONFIRMATION } from '../../src/shared/localData';
import { Settings } from '../../src/shared/settings';
import { useSecretService } from '../keychain/useSecretService';
import { OUTCOMES } from './channelOutcomes';
import { plausible, WATCHED } from './channelPayloads';

const ORIGIN = 'http://127.0.0.1:1';
const RUNS = 10_000;
/** A channel that reaches the keychain makes a real D-Bus round trip per valid call: a minute or more when busy. */
const SLOW_CHANNEL_MS = 240_000;
const own = { origin: ORIGIN, isMainFrame: true };

/**
 * The channels are run in two files, so that two workers share the work: the wallet's own set-up (app,
 * settings, local data, accounts, chains, devices) in one, and everything else, taken as the rest of the
 * contract so that a new family cannot be left out of both, in the other.
 *
 * Pairing runs first in the other file on purpose. Its start needs the keychain and must succeed, and the
 * private gnome-keyring this test runs stopped answering, in some loaded runs, after the tens of thousands of
 * D-Bus connections vault.status and the chain endpoints make in this half (every call of the keyring binding
 * opens one). Why it stops is not known yet; the refusal names it when it happens.
 */
const SETUP_FAMILIES = [appCalls, settingsCalls, localDataCalls, accountsCalls, chainsCalls, devicesCalls];
export const SETUP_CHANNELS = SETUP_FAMILIES.flatMap((family) => Object.keys(family) as Channel[]);
export const ACTIVITY_CHANNELS = CHANNELS.filter((channel) => !SETUP_CHANNELS.includes(channel));

/** The property test must not reach the internet: every RPC request fails at once, as with no network. */
const noNetwork: typeof fetch = async () => {
  throw new TypeError('fetch failed: this test has no network');
};

/**
 * Every channel starts from the same wallet, whatever the one before it did: three watch-only accounts (ids
 * 1 to 3, which the payloads aim at), a label on the first and a contact for the second, so that removing
 * them can succeed.
 */
async function seedWallet(core: Core): Promise<void> {
  const steps: [Channel, unknown][] = [
    ['data.reset', { confirm: RESET_CONFIRMATION }],
    ...WATCHED.map((address): [Channel, unknown] => ['accounts.addWatch', { address, label: '' }]),
    ['labels.set', { address: WATCHED[0], chainId: null, kind: 'eoa', name: 'Savings', note: '' }],
    ['contacts.set', { address: WATCHED[1], chainId: null, name: 'Alice', note: '' }],
  ];
  for (const [channel, request] of steps) {
    expect(await core.router.invoke(channel, request, own), channel).toMatchObject({ ok: true });
  }
  expect(await core.router.invoke('accounts.list', undefined, own)).toMatchObject({
    ok: true,
    data: [{ id: 1 }, { id: 2 }, { id: 3 }],
  });
}

/**
 * 10,000 random payloads per channel against the real core, with a real SQLite file and a real Secret
 * Service: a malformed one is refused as `invalid_request`, a well-formed one succeeds or is refused only with
 * a code its channel can raise (`OUTCOMES`), and a channel that has valid input succeeds at least once.
 */
export function describeChannelProperties(channels: readonly Channel[]): void {
  describe('every channel against the real core', () => {
    useSecretService();
    let dir: string;
    let core: Core;
    const logLines: string[] = [];

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'router-property-'));
      core = createCore({
        dataDir: dir,
        app: { name: 'Ledgerline-property-test', version: '0.0.0-test', host: 'browser' },
        electronVersion: null,
        trustedOrigins: [ORIGIN],
        log: createLogger('property', (line) => logLines.push(line)),
        rpc: { fetch: noNetwork, retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } },
        // A free loopback port: the default (the LAN address, port 8787) is shared with every other test
        // file that starts a relay, and vitest runs two files at once.
        pairing: { host: '127.0.0.1', port: 0 },
      });
    });
    afterAll(() => {
      core?.close();
      rmSync(dir, { recursive: true, force: true });
    });
    beforeEach(() => seedWallet(core));

    it.each(channels)(
      'answers 10,000 random payloads on %s as its outcome says',
      async (channel) => {
        const { refusals, succeeds } = OUTCOMES[channel];
        const payload = fc.oneof(
          plausible[channel],
          fc.anything({ withBigInt: true, withDate: true, withMap: true }),
        );
        let successes = 0;
        // What a well-formed request was refused with, so a channel that never succeeds says why.
        const reasons = new Set<string>();
        await fc.assert(
          fc.asyncProperty(payload, async (input) => {
            const result = await core.router.invoke(channel, input, own);
            const wellFormed = calls[channel].request.safeParse(input).success;
            if (result.ok) {
              successes++;
              expect(wellFormed).toBe(true);
              expect(calls[channel].response.safeParse(result.data).success).toBe(true);
            } else {
              if (wellFormed && reasons.size < 5)
                reasons.add(`${result.error.code}: ${result.error.message}`);
              expect(result.error.message.length).toBeGreaterThan(0);
              expect(result.error.code, result.error.message).toSatisfy((code) =>
                wellFormed ? refusals.includes(code) : code === 'invalid_request',
              );
            }
          }),
          { numRuns: RUNS },
        );
        if (succeeds === true)
          expect(successes, `successes; refused with ${[...reasons].join(' | ')}`).toBeGreaterThan(0);
        else expect(successes, `no success expected: ${succeeds}`).toBe(0);
        // Still serving, and what it stored is still readable.
        const settings = await core.router.invoke('settings.get', undefined, own);
        expect(settings.ok && Settings.safeParse(settings.data).success).toBe(true);
        expect(logLines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
      },
      SLOW_CHANNEL_MS,
    );

    it.each(channels)('refuses 10,000 random payloads on %s from a forged sender', async (channel) => {
      await fc.assert(
        fc.asyncProperty(fc.anything(), fc.webUrl(), fc.boolean(), async (input, origin, isMainFrame) => {
          fc.pre(!(origin === ORIGIN && isMainFrame));
          const result = await core.router.invoke(channel, input, { origin, isMainFrame });
          expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
        }),
        { numRuns: RUNS },
      );
    });
  });
}
