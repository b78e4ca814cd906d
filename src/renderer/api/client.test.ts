import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { ApiCallError, createClient } from './client';
import type { Transport } from './transport';

function fakeTransport(reply: Awaited<ReturnType<Transport['invoke']>>): Transport {
  return { invoke: vi.fn(async () => reply), subscribe: vi.fn(() => () => undefined) };
}

describe('createClient', () => {
  it('unwraps a successful envelope', async () => {
    const transport = fakeTransport({ ok: true, data: DEFAULT_SETTINGS });
    await expect(createClient(transport).call('settings.get')).resolves.toEqual(DEFAULT_SETTINGS);
    expect(transport.invoke).toHaveBeenCalledWith('settings.get', undefined);
  });

  it('turns a failed envelope into an ApiCallError with main’s code', async () => {
    const transport = fakeTransport({ ok: false, error: { code: 'invalid_request', message: 'nope' } });
    const error = await createClient(transport)
      .call('settings.set', { theme: 'dark' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'invalid_request', message: 'nope', channel: 'settings.set' });
  });
});
