import { describe, expect, it } from 'vitest';
import { lookupMethod, selectorOf, selectorOfInput } from './selectors';

describe('selectors', () => {
  it('derives the well-known selectors from their signatures', () => {
    expect(selectorOf('transfer(address,uint256)')).toBe('0xa9059cbb');
    expect(selectorOf('approve(address,uint256)')).toBe('0x095ea7b3');
    expect(selectorOf('transferFrom(address,address,uint256)')).toBe('0x23b872dd');
    expect(selectorOf('setApprovalForAll(address,bool)')).toBe('0xa22cb465');
    expect(selectorOf('multicall(bytes[])')).toBe('0xac9650d8');
    expect(selectorOf('deposit()')).toBe('0xd0e30db0');
  });

  it('names bundled methods with their intent, whatever the case of the calldata', () => {
    expect(lookupMethod('0xA9059CBB' + '00'.repeat(64))).toEqual({ name: 'transfer', intent: 'transfer' });
    expect(lookupMethod('0x38ed1739')).toEqual({ name: 'swapExactTokensForTokens', intent: 'swap' });
    expect(lookupMethod(`${selectorOf('depositForBurn(uint256,uint32,bytes32,address)')}00`)).toEqual({
      name: 'depositForBurn',
      intent: 'bridge',
    });
  });

  it('knows nothing of unknown selectors or calldata too short to hold one', () => {
    expect(lookupMethod('0x12345678')).toBeNull();
    expect(lookupMethod('0x')).toBeNull();
    expect(selectorOfInput('0x1234')).toBeNull();
    expect(selectorOfInput('0xDEADBEEF00')).toBe('0xdeadbeef');
  });
});
