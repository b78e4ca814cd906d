import { describe, expect, it } from 'vitest';
import {
  ALICE,
  BASE,
  UNLISTED_TOKEN,
  approveData,
  ethSend,
  revokeAction,
  shown as screen,
  tokenTransferAction,
  usdcSend,
  withTransaction,
} from '../../../../test/review/deviceScreenFixtures';

describe('deviceScreen for a Ledger', () => {
  it('shows a USDC send in clear: ticker first, the recipient (not the token contract), the max fees', () => {
    const shown = screen(usdcSend('ledger'));
    expect(shown).toMatchObject({
      kind: 'ledger',
      label: 'My ledger',
      fingerprint: 'f00dfeed',
      mode: 'clear',
    });
    expect(shown.lines).toEqual([
      { label: 'Amount', value: 'USDC 12.5' },
      { label: 'To', value: ALICE },
      { label: 'Max fees', value: 'ETH 0.000441' },
    ]);
    expect(shown.note).toMatch(/ticker before the amount/);
  });

  it('shows a coin send with every digit, and names the network off chain 1', () => {
    const shown = screen({ ...ethSend('ledger', 10_000_000_000_000_001n), chain: BASE });
    expect(shown.mode).toBe('clear');
    expect(shown.lines).toEqual([
      { label: 'Amount', value: 'ETH 0.010000000000000001' },
      { label: 'To', value: ALICE },
      { label: 'Max fees', value: 'ETH 0.000441' },
      { label: 'Network', value: 'Base' },
    ]);
  });

  it('is blind for a token without a Ledger descriptor, showing the contract and no zero amount', () => {
    const unlisted = withTransaction(
      usdcSend('ledger'),
      { to: UNLISTED_TOKEN },
      tokenTransferAction(UNLISTED_TOKEN, 12_500_000n),
    );
    const shown = screen(unlisted);
    expect(shown.mode).toBe('blind');
    expect(shown.lines).toEqual([
      { label: 'To', value: UNLISTED_TOKEN },
      { label: 'Max fees', value: 'ETH 0.000441' },
    ]);
    expect(shown.note).toMatch(/only a hash/);
    expect(shown.note).toMatch(/"Blind signing" enabled in its Ethereum app settings/);
  });

  it("is blind for USDC's mainnet address on another chain, where Ledger's descriptor does not apply", () => {
    expect(screen(usdcSend('ledger', BASE)).mode).toBe('blind');
  });

  it('is blind for a token transfer that also sends coin, and shows that coin', () => {
    const shown = screen(withTransaction(usdcSend('ledger'), { value: 5n }));
    expect(shown.mode).toBe('blind');
    expect(shown.lines[0]).toEqual({ label: 'Amount', value: 'ETH 0.000000000000000005' });
  });

  it('is blind for an approval, and names a deployment "Contract creation"', () => {
    expect(
      screen(withTransaction(usdcSend('ledger'), { data: approveData(ALICE, 0n) }, revokeAction)).mode,
    ).toBe('blind');
    const deploy = screen(withTransaction(usdcSend('ledger'), { to: null, data: '0x6080' }));
    expect(deploy.lines).toContainEqual({ label: 'To', value: 'Contract creation' });
  });
});
