import { concat, toBeHex, zeroPadValue } from 'ethers/utils';
import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../../store/address';
import {
  ACCOUNT,
  OTHER,
  address,
  eventLog,
  numbered,
  rawTx,
} from '../../../../../test/history/decodeFixtures';
import { ARBITRUM_ABI, ARBITRUM_BRIDGE, ARB_RETRYABLE_TX, decodeArbitrum } from './arbitrum';

// The decoder follows the inbox the Bridge names, so any address serves here.
const INBOX = address('inbox');
const uint = (value: bigint) => zeroPadValue(toBeHex(value), 32);
const addr = (value: string) => zeroPadValue(value, 32);

// The shape of a token deposit through Arbitrum's ERC-20 gateway (field values from a mainnet message).
const REAL = {
  messageNum: 0x63340n,
  sender: '0x12dec91b0a9ba741903aa3699bf4ce31d6c5dd17',
  baseFeeL1: 0x038f1e3ea0n,
  to: '0x65e1a5e8946e7e87d9774f5288f41c30a99fd302',
  l1Value: 0x024d042ad54e80n,
  maxSubmissionFee: 0xd5fff1a13880n,
  refund: '0xcb431653bdb2525c866d962ad66be358f6719e89',
  gasLimit: 0x01ad84n,
  maxFeePerGas: 0xdf847580n,
  data: '0x2e567b36000000000000000000000000c944e90c64b2c07662a292be6244bdf05cda44a7000000000000000000000000ba321653bdb2525c866d962ad66be358f6718d780000000000000000000000001b07d3344188908fb6deceac381f3ee63c48477a000000000000000000000000000000000000000000000033b768d97dcaa8000000000000000000000000000000000000000000000000000000000000000000a00000000000000000000000000000000000000000000000000000000000000020000000000000000000000000d36269bef500003f8f21191b3f7c5982dc87f803',
  l1Token: '0xc944e90c64b2c07662a292be6244bdf05cda44a7',
  amount: 0x33b768d97dcaa80000n,
};

function retryableData(l2CallValue: bigint): string {
  const dataLength = BigInt((REAL.data.length - 2) / 2);
  return concat([
    addr(REAL.to),
    uint(l2CallValue),
    uint(REAL.l1Value),
    uint(REAL.maxSubmissionFee),
    addr(REAL.refund),
    addr(REAL.refund),
    uint(REAL.gasLimit),
    uint(REAL.maxFeePerGas),
    uint(dataLength),
    REAL.data,
  ]);
}

function delivered(kind: number, data: string, extra: ReturnType<typeof eventLog>[] = []) {
  return rawTx({
    chainId: 1,
    logs: numbered([
      ...extra,
      eventLog(ARBITRUM_ABI, ARBITRUM_BRIDGE, 'MessageDelivered', [
        REAL.messageNum,
        `0x${'11'.repeat(32)}`,
        INBOX,
        kind,
        REAL.sender,
        `0x${'22'.repeat(32)}`,
        REAL.baseFeeL1,
        1n,
      ]),
      eventLog(ARBITRUM_ABI, INBOX, 'InboxMessageDelivered', [REAL.messageNum, data]),
    ]),
  });
}

describe('decodeArbitrum', () => {
  it('keys a gateway deposit by its ticket id and takes the token from the gateway event', () => {
    const gateway = eventLog(ARBITRUM_ABI, OTHER, 'DepositInitiated', [
      REAL.l1Token,
      ACCOUNT,
      ACCOUNT,
      REAL.messageNum,
      REAL.amount,
    ]);
    const [source] = decodeArbitrum(delivered(9, retryableData(0n), [gateway]));
    expect(source?.leg).toMatchObject({
      protocol: 'arbitrum',
      role: 'source',
      fromChainId: 1,
      toChainId: 42161,
      token: toChecksumAddress(REAL.l1Token),
      amount: REAL.amount,
    });
    expect(source?.leg.key).toMatch(/^arbitrum:42161:0x[0-9a-f]{64}$/);
    // Every field of the message is part of the L2 transaction the ticket id hashes.
    const other = decodeArbitrum(delivered(9, retryableData(1n), [gateway]))[0];
    expect(other?.leg.key).not.toBe(source?.leg.key);
  });

  it('treats a retryable carrying ETH as a native transfer, and one carrying nothing as no bridge', () => {
    expect(decodeArbitrum(delivered(9, retryableData(7n)))[0]?.leg).toMatchObject({
      token: null,
      amount: 7n,
    });
    expect(decodeArbitrum(delivered(9, retryableData(0n)))).toEqual([]);
  });

  it('keys an ETH deposit by its message number, since the L2 side emits nothing to link it', () => {
    const data = concat([ACCOUNT, uint(5n)]);
    expect(decodeArbitrum(delivered(12, data))[0]).toEqual({
      leg: {
        protocol: 'arbitrum',
        role: 'source',
        key: `arbitrum:42161:eth-deposit:${REAL.messageNum}`,
        fromChainId: 1,
        toChainId: 42161,
        token: null,
        amount: 5n,
      },
      parties: [ACCOUNT],
    });
  });

  it('reads the ticket id from TicketCreated on Arbitrum One', () => {
    const ticketId = `0x${'ab'.repeat(32)}`;
    const created = rawTx({
      chainId: 42161,
      logs: [eventLog(ARBITRUM_ABI, ARB_RETRYABLE_TX, 'TicketCreated', [ticketId])],
    });
    expect(decodeArbitrum(created)[0]?.leg).toEqual({
      protocol: 'arbitrum',
      role: 'destination',
      key: `arbitrum:42161:${ticketId}`,
      fromChainId: 1,
      toChainId: 42161,
      token: null,
      amount: null,
    });
  });
});
