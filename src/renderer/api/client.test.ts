import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { ApiCallError, createClient, failureDetail } from './client';
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

  it('carries main’s detail apart from its sentence', async () => {
    const failure = {
      code: 'chain_unavailable' as const,
      message: 'The network did not answer. Check your internet connection, then try again.',
      detail: 'rpc.example did not answer within 10000 ms.',
    };
    const error = await createClient(fakeTransport({ ok: false, error: failure }))
      .call('settings.get')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: failure.code, message: failure.message, detail: failure.detail });
    expect(failureDetail(error)).toBe(failure.detail);
    // What the page threw itself, or a failure without one, has no detail.
    expect(failureDetail(new Error('The connection closed.'))).toBeUndefined();
    expect(
      failureDetail(new ApiCallError('settings.get', { code: 'internal', message: 'Try again.' })),
    ).toBeUndefined();
  });
});
