import { describe, expect, it } from 'vitest';
import type { NameSource, ReviewAction } from '../../../shared/review';
import { toChecksumAddress } from '../../store/address';
import { firstTimeRecipient } from './firstTimeRecipient';

const ME = toChecksumAddress('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
const ALICE = toChecksumAddress('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
const send = (
  to: string,
  name: string | null = 'Alice',
  source: NameSource = 'address-book',
): ReviewAction => ({
  type: 'token-transfer',
  token: { address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', name: 'USDC', source: 'token-list' },
  to: { address: to, name, source },
  amount: { value: '1', decimals: 6, symbol: 'USDC', unlimited: false },
});

describe('firstTimeRecipient', () => {
  it('warns of a recipient never sent to, by name', () => {
    const found = firstTimeRecipient({ action: send(ALICE), from: ME, previousRecipients: [] });
    expect(found).toMatchObject({
      code: 'first-time-recipient',
      severity: 'warning',
      facts: [{ label: 'Recipient', value: ALICE }],
    });
    expect(found?.message).toMatch(/^You have not sent to Alice before\./);
  });

  it('says nothing for an earlier recipient, the sender, or one of the wallet’s accounts', () => {
    expect(firstTimeRecipient({ action: send(ALICE), from: ME, previousRecipients: [ALICE] })).toBeNull();
    expect(firstTimeRecipient({ action: send(ME), from: ME, previousRecipients: [] })).toBeNull();
    expect(
      firstTimeRecipient({ action: send(ALICE, 'Savings', 'account'), from: ME, previousRecipients: [] }),
    ).toBeNull();
  });

  it('is only about transfers', () => {
    expect(
      firstTimeRecipient({ action: { type: 'cancel', nonce: 3 }, from: ME, previousRecipients: [] }),
    ).toBeNull();
  });
});
