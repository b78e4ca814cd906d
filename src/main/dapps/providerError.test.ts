import { describe, expect, it } from 'vitest';
import {
  chainDisconnected,
  disconnected,
  internal,
  invalidParams,
  invalidRequest,
  limitExceeded,
  ProviderError,
  toRpcError,
  unauthorized,
  unrecognizedChain,
  unsupportedMethod,
  userRejected,
} from './providerError';

describe('provider errors', () => {
  it('carry the EIP-1193 and EIP-1474 codes', () => {
    expect(
      [
        userRejected(),
        unauthorized(),
        unsupportedMethod('eth_sign'),
        disconnected(),
        chainDisconnected(),
        unrecognizedChain(5),
        invalidRequest(),
        invalidParams('x'),
        internal(),
        limitExceeded(),
      ].map((error) => error.code),
    ).toEqual([4001, 4100, 4200, 4900, 4901, 4902, -32600, -32602, -32603, -32005]);
  });

  it('name the method and chain they refuse, with the method cut short', () => {
    expect(unsupportedMethod('eth_sign').message).toBe('The wallet does not support the method "eth_sign".');
    expect(unsupportedMethod('x'.repeat(500)).message.length).toBeLessThan(120);
    expect(unrecognizedChain(137).message).toMatch(/chain id 137/);
  });

  it('toRpcError keeps a ProviderError and its data, and tells nothing of any other error', () => {
    expect(toRpcError(new ProviderError(3, 'execution reverted', '0x08c379a0'))).toEqual({
      code: 3,
      message: 'execution reverted',
      data: '0x08c379a0',
    });
    expect(toRpcError(userRejected())).toEqual({ code: 4001, message: 'The user rejected the request.' });
    const leaky = new Error('ENOENT: /home/user/.config/Ledgerline/wallet.sqlite');
    const wire = toRpcError(leaky);
    expect(wire).toEqual({ code: -32603, message: 'The wallet could not answer; try again.' });
    expect(JSON.stringify(wire)).not.toMatch(/home|ENOENT|at /);
    expect(toRpcError('a string')).toEqual(wire);
  });
});
