import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/envelope';
import { RpcError } from '../rpc/rpcError';
import { chainCall, reasonOf } from './txErrors';

describe('chainCall', () => {
  it('turns an unreachable chain into chain_unavailable: a sentence, with the chain’s own words as detail', async () => {
    const failure = new RpcError('timeout', 'rpc.example did not answer within 10000 ms.', {
      chainId: 1,
      host: 'rpc.example',
    });
    const error = await chainCall(() => Promise.reject(failure)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'chain_unavailable', detail: failure.message, cause: failure });
    expect((error as ApiError).message).toMatch(/^The network did not answer\. .*try again\.$/);
  });

  it('turns a node’s refusal into what to do, with the figures in the coin it is handed', async () => {
    const refusal = new RpcError(
      'rpc',
      '127.0.0.1:39383 refused eth_sendRawTransaction: insufficient funds for gas * price + value: address 0xf39F have 1200000000000000000 want 99999001000000000000000 (code -32000).',
      { chainId: 31337, host: '127.0.0.1:39383', rpcCode: -32000 },
    );
    const error = await chainCall(() => Promise.reject(refusal), { symbol: 'ETH', decimals: 18 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'invalid_request',
      message:
        'The account cannot pay for this: it holds 1.2 ETH and needs 99,999.001 ETH. Lower the amount or add funds.',
      detail: refusal.message,
    });
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
