import { describe, expect, it } from 'vitest';
import {
  ALICE,
  MAX_UINT256,
  UNLISTED_TOKEN,
  USDC,
  approveData,
  ethSend,
  revokeAction,
  shown as screen,
  tokenTransferAction,
  transferData,
  usdcSend,
  withTransaction,
} from '../../../../test/review/deviceScreenFixtures';

describe('deviceScreen for the phone', () => {
  it("matches the companion's request card rows for a token send", () => {
    const shown = screen(usdcSend('phone'));
    expect(shown.mode).toBe('clear');
    expect(shown.lines).toEqual([
      { label: 'Network', value: 'Ethereum' },
      { label: 'Amount', value: '12.5 USDC' },
      { label: 'To', value: ALICE },
      { label: 'Token', value: `USDC ${USDC}` },
      { label: 'Max fee', value: '0.000441 ETH' },
    ]);
  });

  it('writes coin amounts as ethers formatUnits does, as the phone does', () => {
    expect(screen(ethSend('phone', 10n ** 18n)).lines[1]).toEqual({ label: 'Amount', value: '1.0 ETH' });
  });

  it('shows an unlimited approval as the phone words it', () => {
    const shown = screen(
      withTransaction(usdcSend('phone'), { data: approveData(ALICE, MAX_UINT256) }, revokeAction),
    );
    expect(shown.lines.slice(1, 3)).toEqual([
      { label: 'Allowance', value: 'Unlimited USDC' },
      { label: 'Spender', value: ALICE },
    ]);
  });

  it('shows raw units and is blind-ish for a token the phone cannot name, and lists coin sent along', () => {
    const unknown = withTransaction(
      usdcSend('phone'),
      { to: UNLISTED_TOKEN, value: 10n ** 18n, data: transferData(ALICE, 5n) },
      tokenTransferAction(UNLISTED_TOKEN, 5n, ''),
    );
    const shown = screen(unknown);
    expect(shown.mode).toBe('blind');
    expect(shown.lines).toContainEqual({ label: 'Amount', value: '5 (raw units)' });
    expect(shown.lines).toContainEqual({ label: 'Also sends', value: '1.0 ETH' });
  });

  it('shows only the contract and the selector of a call it cannot decode', () => {
    const shown = screen(withTransaction(usdcSend('phone'), { data: '0xdeadbeef00' }));
    expect(shown.mode).toBe('blind');
    expect(shown.lines.slice(1, 3)).toEqual([
      { label: 'Contract', value: USDC },
      { label: 'Method', value: '0xdeadbeef' },
    ]);
  });
});
