import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Channel } from '../../shared/api/channels';
import { ApiError, MAX_FAILURE_DETAIL } from '../../shared/api/envelope';
import { userMessage } from '../../shared/api/userErrors';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { createRouter, type Handlers, type Sender } from './router';

const ORIGIN = 'app://wallet';
const own: Sender = { origin: ORIGIN, isMainFrame: true };

/** Every channel a test does not call throws if it is called after all; each test names what it calls. */
function unusedHandlers(): Handlers {
  const notCalled = (): never => {
    throw new Error('This test does not call that channel.');
  };
  return Object.fromEntries(CHANNELS.map((channel) => [channel, notCalled])) as Record<Channel, () => never>;
}

function setup(overrides: Partial<Handlers> = {}) {
  const log = { warn: vi.fn(), error: vi.fn() };
  const handlers: Handlers = {
    ...unusedHandlers(),
    'app.info': () => ({
      name: 'Ledgerline',
      version: '0.1.0',
      host: 'browser',
      platform: 'linux',
      arch: 'x64',
      runtime: { node: '24.0.0', electron: null },
    }),
    'settings.get': () => DEFAULT_SETTINGS,
    'settings.set': vi.fn((patch) => ({ ...DEFAULT_SETTINGS, ...patch })),
    'history.sources': () => ({ explorers: false, etherscanKey: false }),
    'history.setEtherscanKey': () => null,
    ...overrides,
  };
  return { router: createRouter({ handlers, trustedOrigins: [ORIGIN], log }), handlers, log };
}

describe('createRouter', () => {
  it('answers a valid call with the handler’s data', async () => {
    const { router } = setup();
    await expect(router.invoke('settings.set', { theme: 'dark' }, own)).resolves.toEqual({
      ok: true,
      data: { ...DEFAULT_SETTINGS, theme: 'dark' },
    });
  });

  it.each<[string, Sender]>([
    ['a foreign origin', { origin: 'https://evil.example', isMainFrame: true }],
    ['no origin', { origin: null, isMainFrame: true }],
    ['a sub-frame of our own origin', { origin: ORIGIN, isMainFrame: false }],
    ['a look-alike origin', { origin: 'app://wallet.evil', isMainFrame: true }],
  ])('refuses %s without running the handler', async (_, sender) => {
    const { router, handlers, log } = setup();
    const result = await router.invoke('settings.set', { theme: 'dark' }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(handlers['settings.set']).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith('request from a foreign sender refused', expect.any(Object));
  });

  it.each([['wallet.exportSeed'], ['__proto__'], ['constructor'], ['toString'], [42], [null], [{ a: 1 }]])(
    'rejects the unknown channel %j',
    async (channel) => {
      const { router } = setup();
      const result = await router.invoke(channel, undefined, own);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    },
  );

  it.each([
    ['settings.set', { theme: 'neon' }, /theme/],
    ['settings.set', {}, /at least one setting/],
    ['settings.set', { theme: 'dark', seed: 'x' }, /seed/],
    ['settings.set', 'dark', /expected object/],
    ['app.info', { verbose: true }, /expected undefined/],
  ])('explains why %s rejects %j', async (channel, payload, reason) => {
    const { router } = setup();
    const result = await router.invoke(channel, payload, own);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_request');
    // zod's words name fields and types: they are the detail, and the message stays a sentence.
    expect(result.error.detail).toContain(channel);
    expect(result.error.detail).toMatch(reason);
    expect(result.error.message).toBe(
      'The wallet could not accept what was entered. Check the fields and try again.',
    );
  });

  it.each([
    ['too short', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456'],
    ['too long', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345678'],
    ['not alphanumeric', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ01234-67'],
    ['a space inside', 'ABCDEFGHIJKLMNOP RSTUVWXYZ01234567'],
    ['empty', ''],
  ])('refuses an Etherscan key that is %s, without echoing it', async (_, key) => {
    const { router, handlers } = setup({ 'history.setEtherscanKey': vi.fn(() => null) });
    const result = await router.invoke('history.setEtherscanKey', { key }, own);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(/34 letters and digits/);
    if (key) expect(JSON.stringify(result)).not.toContain(key);
    expect(handlers['history.setEtherscanKey']).not.toHaveBeenCalled();
  });

  it('never shows what a page sent as the wallet’s words: zod’s own messages quote it, so they go to detail', async () => {
    const { router } = setup();
    // One unknown key, named by a hostile page: a message that reads like a sentence, but the page's.
    const key = 'Your wallet is compromised. Call +1 555 0100 now.';
    const result = await router.invoke('settings.set', { theme: 'dark', [key]: 1 }, own);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.message).toBe(userMessage('invalid_request'));
    expect(result.error.detail).toContain(key);
  });

  it('hands the handler an Etherscan key trimmed, or null to remove it', async () => {
    const { router, handlers } = setup({ 'history.setEtherscanKey': vi.fn(() => null) });
    const key = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ01234567';
    await expect(router.invoke('history.setEtherscanKey', { key: ` ${key}\n` }, own)).resolves.toEqual({
      ok: true,
      data: null,
    });
    await router.invoke('history.setEtherscanKey', { key: null }, own);
    expect(vi.mocked(handlers['history.setEtherscanKey']).mock.calls.map(([request]) => request)).toEqual([
      { key },
      { key: null },
    ]);
  });

  it('refuses history sources that would hand the key to the renderer', async () => {
    const { router } = setup({
      'history.sources': () =>
        ({ explorers: true, etherscanKey: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ01234567' }) as never,
    });
    const result = await router.invoke('history.sources', undefined, own);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_response' } });
  });

  it('passes a service’s ApiError through with its code and sentence', async () => {
    const { router } = setup({
      'settings.set': () => {
        throw new ApiError('invalid_request', 'Chain 999 is not a network this wallet knows.');
      },
    });
    await expect(router.invoke('settings.set', { activeChainId: 999 }, own)).resolves.toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'Chain 999 is not a network this wallet knows.' },
    });
  });

  it('says an unexpected failure in a sentence, with its raw text only as detail and in the log', async () => {
    const raw = 'SQLITE_CORRUPT: database disk image is malformed';
    const { router, log } = setup({
      'settings.get': () => {
        throw new Error(raw);
      },
    });
    const result = await router.invoke('settings.get', undefined, own);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: userMessage('internal'), detail: raw },
    });
    expect(log.error).toHaveBeenCalledWith('handler failed', { channel: 'settings.get', error: raw });
  });

  it('never hands the page a response that breaks the contract', async () => {
    const { router } = setup({ 'settings.get': () => ({ theme: 'dark' }) as never });
    await expect(router.invoke('settings.get', undefined, own)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_response' },
    });
  });

  it('bounds the length of an error message built from hostile input', async () => {
    const { router } = setup();
    const result = await router.invoke('settings.set', { ['x'.repeat(100_000)]: 1 }, own);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message.length).toBeLessThanOrEqual(600);
    expect(result.error.detail?.length).toBeLessThanOrEqual(MAX_FAILURE_DETAIL);
  });
});
