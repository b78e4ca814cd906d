import { describe, expect, it } from 'vitest';
import { context, NOW, STRANGER, USDC } from '../../../../test/review/typedData/typedDataFixtures';
import type { ChecksumAddress } from '../../store/address';
import { collectTypedDataFindings, type TypedDataFacts } from './collectTypedDataFindings';
import { decoded, PERMIT2_UNLIMITED, tokenAllowance } from './decoded';
import { nameGrant } from './typedDataGrants';

const names = {
  chainId: 1,
  party: context().party,
  token: (_chainId: number, address: ChecksumAddress) => ({ symbol: `T${address.slice(-4)}`, decimals: 0 }),
};
const token = (index: number) => `0x${index.toString(16).padStart(40, '0')}` as ChecksumAddress;

function facts(overrides: Partial<TypedDataFacts>): TypedDataFacts {
  return {
    decoded: null,
    domainChainId: 1,
    activeChainId: 1,
    grants: [],
    receives: [],
    paidToOthers: 0,
    delegate: null,
    hasCode: () => true,
    now: NOW,
    ...overrides,
  };
}

describe('collectTypedDataFindings', () => {
  it('finds nothing in a named, in-chain request of an unknown type', () => {
    expect(collectTypedDataFindings(facts({}))).toEqual([]);
  });

  it('keeps the findings about the whole request when a batch of 100 unlimited tokens would crowd them out', () => {
    const moves = Array.from({ length: 100 }, (_, index) =>
      tokenAllowance(token(index + 1), PERMIT2_UNLIMITED, STRANGER, null, PERMIT2_UNLIMITED),
    );
    const result = collectTypedDataFindings(
      facts({
        decoded: decoded('permit2-batch', {
          grants: moves,
          deadline: { usableUntil: NOW - 1, lastsUntil: null },
        }),
        grants: moves.map((move) => nameGrant(move, names)),
        domainChainId: 10,
        hasCode: () => false,
      }),
    );
    expect(result).toHaveLength(30);
    const codes = result.map((finding) => finding.code);
    expect(codes[0]).toBe('chain-mismatch');
    expect(codes).toContain('long-deadline');
    expect(codes.at(-1)).toBe('expired-deadline');
    // One spender without code is said once, not once per token.
    expect(codes.filter((code) => code === 'approval-to-no-code')).toHaveLength(1);
    expect(codes.filter((code) => code === 'unlimited-approval')).toHaveLength(26);
  });

  it('does not flag an order’s marketplace as a spender', () => {
    const move = { ...tokenAllowance(USDC, 2n ** 256n - 1n, STRANGER, null), recipient: null };
    const result = collectTypedDataFindings(
      facts({
        decoded: decoded('seaport-order', { grants: [move] }),
        grants: [nameGrant(move, names)],
        hasCode: () => false,
      }),
    );
    expect(result.map((finding) => finding.code)).toEqual(['hands-over-assets']);
  });
});
