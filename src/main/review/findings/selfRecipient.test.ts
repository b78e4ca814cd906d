import { describe, expect, it } from 'vitest';
import type { ReviewAction } from '../../../shared/review';
import { toChecksumAddress } from '../../store/address';
import { selfRecipient } from './selfRecipient';

const ME = toChecksumAddress('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
const ALICE = toChecksumAddress('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
const send = (to: string): ReviewAction => ({
  type: 'native-transfer',
  to: { address: to, name: null, source: 'none' },
  amount: { value: '1', decimals: 18, symbol: 'ETH', unlimited: false },
});

describe('selfRecipient', () => {
  it('notes a send to the sending account itself', () => {
    expect(selfRecipient({ action: send(ME), from: ME })).toMatchObject({
      code: 'self-recipient',
      severity: 'info',
    });
  });

  it('says nothing for anyone else, or a cancel (which is a self-send by design)', () => {
    expect(selfRecipient({ action: send(ALICE), from: ME })).toBeNull();
    expect(selfRecipient({ action: { type: 'cancel', nonce: 1 }, from: ME })).toBeNull();
  });
});
