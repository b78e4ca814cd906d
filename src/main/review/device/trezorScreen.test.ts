import { describe, expect, it } from 'vitest';
import {
  ALICE,
  UNLISTED_TOKEN,
  USDC,
  approveData,
  ethSend,
  revokeAction,
  shown as screen,
  tokenTransferAction,
  usdcSend,
  withTransaction,
} from '../../../../test/review/deviceScreenFixtures';

describe('deviceScreen for a Trezor', () => {
  it('shows a listed token transfer as recipient, amount then symbol, and maximum fee', () => {
    const shown = screen(usdcSend('trezor'));
    expect(shown.mode).toBe('clear');
    expect(shown.lines).toEqual([
      { label: 'Recipient', value: ALICE },
      { label: 'Amount', value: '12.5 USDC' },
      { label: 'Maximum fee', value: '0.000441 ETH' },
    ]);
    expect(shown.note).toMatch(/Unknown token/);
  });

  it('groups thousands and writes sub-gwei coin amounts in wei, as the firmware does', () => {
    expect(screen(ethSend('trezor', 1_234_500_000_000_000_000_000n)).lines[1]).toEqual({
      label: 'Amount',
      value: '1,234.5 ETH',
    });
    expect(screen(ethSend('trezor', 7n)).lines[1]).toEqual({ label: 'Amount', value: '7 Wei ETH' });
  });

  it('says "Unknown token" and raw units for a token the review knows no symbol for', () => {
    const unknown = withTransaction(
      usdcSend('trezor'),
      { to: UNLISTED_TOKEN },
      tokenTransferAction(UNLISTED_TOKEN, 12_500_000n, ''),
    );
    const shown = screen(unknown);
    expect(shown.mode).toBe('blind');
    expect(shown.lines).toEqual([
      { label: 'Unknown token', value: UNLISTED_TOKEN },
      { label: 'Recipient', value: ALICE },
      { label: 'Amount', value: '12,500,000 Wei UNKN' },
      { label: 'Maximum fee', value: '0.000441 ETH' },
    ]);
  });

  it('shows other contract data raw', () => {
    const data = approveData(ALICE, 0n);
    const shown = screen(withTransaction(usdcSend('trezor'), { data }, revokeAction));
    expect(shown.mode).toBe('blind');
    expect(shown.lines[0]).toEqual({ label: 'Input data', value: data });
    expect(shown.lines[1]).toEqual({ label: 'Recipient', value: USDC });
  });

  it('cuts raw data that would not fit a line, and says it was cut', () => {
    const data = `0x12345678${'ab'.repeat(300)}`;
    const value = screen(withTransaction(usdcSend('trezor'), { data })).lines[0]?.value ?? '';
    expect(value).toHaveLength(400);
    expect(value.endsWith('…')).toBe(true);
  });
});
