import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/envelope';
import { RpcError } from './rpcError';
import { fromRpcError, ProviderError } from './providerError';

describe('ProviderError', () => {
  it('reaches the user as chain_unavailable with its message', () => {
    const error = new ProviderError(10, 'Etherscan refused the API key.');
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'chain_unavailable',
      chainId: 10,
      message: 'Etherscan refused the API key.',
    });
  });

  it('wraps an RPC failure but leaves a cancellation and anything else alone', () => {
    const failure = new RpcError('timeout', 'rpc.example did not answer.', {
      chainId: 1,
      host: 'rpc.example',
    });
    const wrapped = fromRpcError(failure, 1, 'read logs');
    expect(wrapped).toMatchObject({
      name: 'ProviderError',
      message: 'Could not read logs: rpc.example did not answer.',
    });
    expect((wrapped as Error).cause).toBe(failure);
    const aborted = new RpcError('aborted', 'cancelled', { chainId: 1, host: null });
    expect(fromRpcError(aborted, 1, 'read logs')).toBe(aborted);
    const bug = new TypeError('bug');
    expect(fromRpcError(bug, 1, 'read logs')).toBe(bug);
  });
});
