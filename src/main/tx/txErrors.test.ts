import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/envelope';
import { RpcError } from '../rpc/rpcError';
import { chainCall, reasonOf } from './txErrors';

describe('chainCall', () => {
  it('turns an unreachable chain into chain_unavailable, with the chain’s own words', async () => {
    const failure = new RpcError('timeout', 'rpc.example did not answer within 10000 ms.', {
      chainId: 1,
      host: 'rpc.example',
    });
    const error = await chainCall(() => Promise.reject(failure)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'chain_unavailable', message: failure.message, cause: failure });
  });

  it('passes results and other errors through unchanged', async () => {
    await expect(chainCall(async () => 3)).resolves.toBe(3);
    const other = new ApiError('invalid_request', 'No.');
    await expect(chainCall(() => Promise.reject(other))).rejects.toBe(other);
  });
});

describe('reasonOf', () => {
  it('says an error’s message, or what was thrown', () => {
    expect(reasonOf(new Error('out of gas'))).toBe('out of gas');
    expect(reasonOf('reverted')).toBe('reverted');
  });
});
