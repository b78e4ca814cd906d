import { describe, expect, it } from 'vitest';
import { TRANSFER_TOPIC, assetMovements } from './assetMovements';
import { ACCOUNT, OTHER, address, noTokens, rawTx } from '../../../../test/history/decodeFixtures';
import { ZERO_ADDRESS } from './words';
import { zeroPadValue } from 'ethers/utils';

const TOKEN = address('token');
const topic = (value: string) => zeroPadValue(value, 32).toLowerCase();

describe('assetMovements', () => {
  it('shows a mint as coming from the zero address', () => {
    const log = {
      address: TOKEN,
      topics: [TRANSFER_TOPIC, topic(ZERO_ADDRESS), topic(ACCOUNT)],
      data: zeroPadValue('0x05', 32),
      logIndex: 0,
    };
    expect(assetMovements(rawTx({ from: OTHER, logs: [log] }), ACCOUNT, noTokens)).toEqual([
      {
        standard: 'erc20',
        token: TOKEN,
        symbol: null,
        decimals: null,
        amount: '5',
        tokenId: null,
        direction: 'in',
        counterparty: ZERO_ADDRESS,
      },
    ]);
  });

  it('skips look-alike Transfer logs with a body no token standard has', () => {
    const log = {
      address: TOKEN,
      topics: [TRANSFER_TOPIC, topic(OTHER), topic(ACCOUNT)],
      data: '0x01',
      logIndex: 0,
    };
    expect(assetMovements(rawTx({ logs: [log] }), ACCOUNT, noTokens)).toEqual([]);
  });

  it('moves nothing in a failed transaction, whatever its value', () => {
    expect(assetMovements(rawTx({ value: 5n, status: 'failed' }), ACCOUNT, noTokens)).toEqual([]);
  });
});
