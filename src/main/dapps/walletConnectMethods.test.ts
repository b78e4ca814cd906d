import { describe, expect, it } from 'vitest';
import { sessionGrant } from '../../../test/dapps/dappsHarness';
import type { MethodCall } from './dappSession';
import { ProviderError } from './providerError';
import { WALLETCONNECT_METHODS, walletConnectMethods } from './walletConnectMethods';

const ORIGIN = 'https://app.example.org';
const grant = sessionGrant({ chainIds: [1, 10], chainId: 1 });
const call = (method: string, params: unknown): MethodCall => ({
  origin: ORIGIN,
  method,
  params,
  site: { origin: ORIGIN, accountIds: [1], chainId: 1, connectedAt: 0, lastUsedAt: 0 },
  grant,
});
const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof ProviderError ? { code: error.code, message: error.message } : error;
  }
  return 'answered';
};

describe('walletConnectMethods', () => {
  const extension = {
    eth_chainId: () => '0x1',
    wallet_getPermissions: () => [],
    personal_sign: () => '0xsig',
  };
  const table = walletConnectMethods(extension);

  it('keeps only the allow-listed handlers of the extension', () => {
    expect(table['eth_chainId']?.(call('eth_chainId', []))).toBe('0x1');
    expect(table['personal_sign']).toBe(extension.personal_sign);
    expect(Object.hasOwn(table, 'wallet_getPermissions')).toBe(false);
    expect(WALLETCONNECT_METHODS).not.toContain('wallet_getPermissions');
  });

  it.each(['wallet_requestPermissions', 'wallet_revokePermissions', 'wallet_addEthereumChain'])(
    'answers %s 4200 with why: a session’s grant is settled when it is approved',
    (method) => {
      const answer = failure(() => table[method]?.(call(method, [{}])));
      expect(answer).toMatchObject({
        code: 4200,
        message: expect.stringMatching(/^A WalletConnect session /),
      });
    },
  );

  it('lets a dApp "switch" only to a chain the session was granted', () => {
    const switchTo = (chainId: string) =>
      table['wallet_switchEthereumChain']?.(call('wallet_switchEthereumChain', [{ chainId }]));
    expect(switchTo('0xa')).toBeNull();
    expect(failure(() => switchTo('0x89'))).toMatchObject({
      code: 4902,
      message: expect.stringContaining('chain 137'),
    });
    expect(failure(() => switchTo('0x0a'))).toMatchObject({ code: -32602 });
  });
});
