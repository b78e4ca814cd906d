import { describe, expect, it } from 'vitest';
import { decodeBridgeLegs } from './bridges';
import { ARBITRUM_ABI, ARB_RETRYABLE_TX } from './bridges/arbitrum';
import { CCTP_ABI, CCTP_TOKEN_MESSENGERS, CCTP_USDC } from './bridges/cctp';
import { ACCOUNT, OTHER, address, eventLog, rawTx } from '../../../../test/history/decodeFixtures';
import { zeroPadValue } from 'ethers/utils';

const STRANGER = address('stranger');

function burnBy(depositor: string, from = OTHER) {
  return rawTx({
    chainId: 1,
    from,
    logs: [
      eventLog(CCTP_ABI, CCTP_TOKEN_MESSENGERS[1] as string, 'DepositForBurn', [
        1n,
        CCTP_USDC[1],
        10n,
        depositor,
        zeroPadValue(depositor, 32),
        6,
        zeroPadValue('0x', 32),
        zeroPadValue('0x', 32),
      ]),
    ],
  });
}

describe('decodeBridgeLegs', () => {
  it("keeps the legs of the account's own transactions and of transfers it is a party to", () => {
    expect(decodeBridgeLegs(burnBy(STRANGER, ACCOUNT), ACCOUNT)).toHaveLength(1);
    expect(decodeBridgeLegs(burnBy(ACCOUNT, OTHER), ACCOUNT)).toHaveLength(1);
  });

  it('keeps a leg that names nobody, as an Arbitrum ticket does, for whoever the transaction concerns', () => {
    const ticket = rawTx({
      chainId: 42161,
      from: OTHER,
      logs: [eventLog(ARBITRUM_ABI, ARB_RETRYABLE_TX, 'TicketCreated', [`0x${'cd'.repeat(32)}`])],
    });
    expect(decodeBridgeLegs(ticket, ACCOUNT)).toHaveLength(1);
  });

  it("drops other people's legs in someone else's transaction, and every leg of a failed one", () => {
    expect(decodeBridgeLegs(burnBy(STRANGER, OTHER), ACCOUNT)).toEqual([]);
    expect(decodeBridgeLegs({ ...burnBy(ACCOUNT, ACCOUNT), status: 'failed' }, ACCOUNT)).toEqual([]);
  });
});
