import { describe, expect, it } from 'vitest';
import { chainMismatch } from './chainMismatch';

const names: Record<number, string> = { 1: 'Ethereum', 8453: 'Base' };
const chainName = (chainId: number) => names[chainId] ?? `chain ${chainId}`;

describe('chainMismatch', () => {
  it('blocks, without override, a request for another chain than the signer’s, offering the switch', () => {
    expect(chainMismatch(8453, 1, chainName)).toEqual({
      code: 'chain-mismatch',
      severity: 'blocking',
      overridable: false,
      message: 'This request is for Base, but the signer is on Ethereum. Switch to Base to sign it.',
      facts: [
        { label: 'Request network', value: 'Base (8453)' },
        { label: 'Signer network', value: 'Ethereum (1)' },
      ],
      fix: { type: 'switch-chain', chainId: 8453 },
    });
  });

  it('names chains by number without a namer', () => {
    expect(chainMismatch(10, 1)?.message).toContain('for chain 10, but the signer is on chain 1');
  });

  it('says nothing when the chains agree or the signer’s chain is unknown', () => {
    expect(chainMismatch(1, 1, chainName)).toBeNull();
    expect(chainMismatch(1, null, chainName)).toBeNull();
  });
});
