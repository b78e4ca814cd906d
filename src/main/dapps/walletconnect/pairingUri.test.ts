import { formatUri } from '@walletconnect/utils';
import { describe, expect, it } from 'vitest';
import { MAX_PAIRING_URI_LENGTH, parsePairingUri } from './pairingUri';

const NOW = 1_765_000_000_000;
const TOPIC = '7f6e'.repeat(16);
const SYM_KEY = '587d'.repeat(16);
/** A link as @walletconnect/sign-client 2.25 writes it (same formatter), five minutes to live. */
const link = (overrides: Partial<Parameters<typeof formatUri>[0]> = {}) =>
  formatUri({
    protocol: 'wc',
    version: 2,
    topic: TOPIC,
    symKey: SYM_KEY,
    relay: { protocol: 'irn' },
    expiryTimestamp: NOW / 1000 + 300,
    ...overrides,
  });

describe('parsePairingUri', () => {
  it('accepts a v2 link, with whitespace around it, and gives the topic and expiry', () => {
    const uri = link({ methods: ['wc_sessionPropose'] });
    expect(uri).toMatch(
      /^wc:[0-9a-f]{64}@2\?expiryTimestamp=\d+&methods=wc_sessionPropose&relay-protocol=irn&symKey=/,
    );
    expect(parsePairingUri(`  \n${uri}\t `, NOW)).toEqual({ uri, topic: TOPIC, expiresAt: NOW + 300_000 });
    const noExpiry = link({ expiryTimestamp: undefined });
    expect(parsePairingUri(noExpiry, NOW)).toEqual({ uri: noExpiry, topic: TOPIC, expiresAt: null });
  });

  it("unwraps the link from a wallet deep link's uri parameter", () => {
    const uri = link();
    for (const deepLink of [
      `https://metamask.app.link/wc?uri=${encodeURIComponent(uri)}`,
      `trust://wc?uri=${encodeURIComponent(uri)}`,
    ]) {
      expect(parsePairingUri(deepLink, NOW)).toEqual({ uri, topic: TOPIC, expiresAt: NOW + 300_000 });
    }
    expect(() => parsePairingUri('https://example.com/wc?uri=hello', NOW)).toThrow(
      /not a WalletConnect link/,
    );
  });

  it('refuses each broken link in words, never quoting the key', () => {
    const v1 = `wc:8a5e5bdc-a0e4-4702-ba63-8f1a5655744f@1?bridge=https%3A%2F%2Fbridge.walletconnect.org&key=${SYM_KEY}`;
    const cases: [string, RegExp][] = [
      [v1, /WalletConnect v1 link.*must offer WalletConnect v2/],
      [link({ expiryTimestamp: NOW / 1000 }), /This link expired/],
      [link({ expiryTimestamp: NOW / 1000 - 60 }), /This link expired/],
      [link().replace(/expiryTimestamp=\d+/, 'expiryTimestamp=soon'), /expiry time is not a time/],
      [link({ relay: { protocol: 'waku' } }), /relay protocol other than "irn"/],
      [link({ relay: {} as { protocol: string } }), /incomplete or damaged/],
      [link({ symKey: SYM_KEY.slice(2) }), /incomplete or damaged/],
      [link().replace(/&symKey=.*/, ''), /incomplete or damaged/],
      [link({ version: 3 }), /not a WalletConnect link/],
      [link({ topic: 'topic' }), /not a WalletConnect link/],
      ['https://app.uniswap.org', /not a WalletConnect link/],
      // WalletConnect's parser would read base64 as a link; a user never pastes one.
      [Buffer.from(link()).toString('base64'), /not a WalletConnect link/],
      ['', /not a WalletConnect link/],
      [`${link()}&pad=${'x'.repeat(MAX_PAIRING_URI_LENGTH)}`, /longer than 2048 characters/],
    ];
    for (const [text, message] of cases) {
      let thrown: unknown;
      try {
        parsePairingUri(text, NOW);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, text).toMatchObject({
        code: 'invalid_request',
        message: expect.stringMatching(message),
      });
      expect((thrown as Error).message).not.toContain(SYM_KEY.slice(0, 16));
    }
  });
});
