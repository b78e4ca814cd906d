import { describe, expect, it } from 'vitest';
import { endpointHost, RpcError } from './rpcError';

describe('endpointHost', () => {
  it.each([
    ['https://eth-mainnet.g.alchemy.com/v2/SECRET', 'eth-mainnet.g.alchemy.com'],
    ['https://user:SECRET@rpc.example:8545/path?key=SECRET#x', 'rpc.example:8545'],
    ['http://127.0.0.1:8545', '127.0.0.1:8545'],
    ['not a url SECRET', 'an unparseable RPC URL'],
  ])('keeps only the host of %s', (url, host) => {
    expect(endpointHost(url)).toBe(host);
  });
});

describe('RpcError', () => {
  it.each([
    ['timeout', true],
    ['network', true],
    ['rate_limited', true],
    ['http', true],
    ['bad_response', true],
    ['rpc', false],
    ['chain_mismatch', false],
    ['unavailable', false],
    ['aborted', false],
  ] as const)('%s is an endpoint failure: %s', (code, expected) => {
    expect(new RpcError(code, 'm', { chainId: 1, host: null }).endpointFailure).toBe(expected);
  });
});
