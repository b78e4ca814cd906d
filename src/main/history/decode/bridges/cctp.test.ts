import { concat, toBeHex, zeroPadValue } from 'ethers/utils';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, OTHER, address, eventLog, rawTx } from '../../../../../test/history/decodeFixtures';
import { CCTP_ABI, CCTP_MESSAGE_TRANSMITTERS, CCTP_TOKEN_MESSENGERS, CCTP_USDC, decodeCctp } from './cctp';

const pad = (value: string) => zeroPadValue(value, 32);

function burnBody(burnToken: string, recipient: string, amount: bigint, sender: string): string {
  return concat([
    '0x00000000',
    pad(burnToken),
    pad(recipient),
    zeroPadValue(toBeHex(amount), 32),
    pad(sender),
  ]);
}

describe('decodeCctp', () => {
  const burn = rawTx({
    chainId: 42161,
    logs: [
      eventLog(CCTP_ABI, CCTP_TOKEN_MESSENGERS[42161] as string, 'DepositForBurn', [
        4242n,
        CCTP_USDC[42161],
        2_500_000n,
        ACCOUNT,
        pad(ACCOUNT),
        6,
        pad(CCTP_TOKEN_MESSENGERS[8453] as string),
        pad('0x'),
      ]),
    ],
  });

  function received(sender: string) {
    return rawTx({
      chainId: 8453,
      from: OTHER,
      logs: [
        eventLog(CCTP_ABI, CCTP_MESSAGE_TRANSMITTERS[8453] as string, 'MessageReceived', [
          OTHER,
          3,
          4242n,
          pad(sender),
          burnBody(CCTP_USDC[42161] as string, ACCOUNT, 2_500_000n, ACCOUNT),
        ]),
      ],
    });
  }

  it('keys a burn and its mint by source domain and nonce', () => {
    expect(decodeCctp(burn)[0]?.leg).toEqual({
      protocol: 'cctp',
      role: 'source',
      key: 'cctp:3:4242',
      fromChainId: 42161,
      toChainId: 8453,
      token: CCTP_USDC[42161],
      amount: 2_500_000n,
    });
    const [mint] = decodeCctp(received(CCTP_TOKEN_MESSENGERS[42161] as string));
    expect(mint?.leg).toEqual({
      protocol: 'cctp',
      role: 'destination',
      key: 'cctp:3:4242',
      fromChainId: 42161,
      toChainId: 8453,
      token: CCTP_USDC[8453],
      amount: 2_500_000n,
    });
    expect(mint?.parties).toEqual([ACCOUNT]);
  });

  it('is not a transfer when the message came from anything but the source TokenMessenger', () => {
    expect(decodeCctp(received(address('some app')))).toEqual([]);
  });

  it('skips burns to domains it does not know', () => {
    const unknown = rawTx({
      chainId: 1,
      logs: [
        eventLog(CCTP_ABI, CCTP_TOKEN_MESSENGERS[1] as string, 'DepositForBurn', [
          1n,
          CCTP_USDC[1],
          1n,
          ACCOUNT,
          pad(ACCOUNT),
          5,
          pad('0x'),
          pad('0x'),
        ]),
      ],
    });
    expect(decodeCctp(unknown)).toEqual([]);
  });
});
