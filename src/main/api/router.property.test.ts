import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, calls, type Channel } from '../../shared/api/contract';
import { ErrorCode } from '../../shared/api/envelope';
import { CHAINS } from '../../shared/chains/registry';
import { FiatCurrency, Settings, ThemePreference } from '../../shared/settings';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

const ORIGIN = 'http://127.0.0.1:1';
const RUNS = 10_000;

/**
 * Random payloads shaped like each channel's request, so that a good share is valid and reaches the real
 * service, mixed with arbitrary values that must be refused.
 */
const plausible: Record<Channel, fc.Arbitrary<unknown>> = {
  'app.info': fc.constant(undefined),
  'chains.list': fc.constant(undefined),
  'settings.get': fc.constant(undefined),
  'settings.set': fc.record(
    {
      theme: fc.oneof(fc.constantFrom(...ThemePreference.options), fc.anything()),
      fiatCurrency: fc.oneof(fc.constantFrom(...FiatCurrency.options), fc.string()),
      activeChainId: fc.oneof(fc.constantFrom(...CHAINS.map((c) => c.id)), fc.integer(), fc.double()),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  ),
};

describe.each(CHANNELS)('10,000 random payloads on %s', (channel) => {
  let dir: string;
  let core: Core;
  const errors: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'router-property-'));
    core = createCore({
      dataDir: dir,
      app: { name: 'Ledgerline', version: '0.0.0-test', host: 'browser' },
      electronVersion: null,
      trustedOrigins: [ORIGIN],
      log: createLogger('property', (line) => errors.push(line)),
    });
  });
  afterAll(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every payload with a valid envelope and never crashes', async () => {
    const payload = fc.oneof(
      plausible[channel],
      fc.anything({ withBigInt: true, withDate: true, withMap: true }),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (input) => {
        const result = await core.router.invoke(channel, input, { origin: ORIGIN, isMainFrame: true });
        if (result.ok) {
          expect(calls[channel].request.safeParse(input).success).toBe(true);
          expect(calls[channel].response.safeParse(result.data).success).toBe(true);
        } else {
          expect(ErrorCode.options).toContain(result.error.code);
          expect(['invalid_request']).toContain(result.error.code);
          expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
    // Still serving, and nothing it stored was damaged by what it refused.
    const settings = await core.router.invoke('settings.get', undefined, {
      origin: ORIGIN,
      isMainFrame: true,
    });
    expect(settings.ok && Settings.safeParse(settings.data).success).toBe(true);
    expect(errors.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });

  it('refuses 10,000 random payloads from a forged sender', async () => {
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
