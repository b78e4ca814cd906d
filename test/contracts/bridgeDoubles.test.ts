import { Interface } from 'ethers/abi';
import { keccak256 } from 'ethers/crypto';
import { zeroPadValue } from 'ethers/utils';
import { describe, expect, it } from 'vitest';
import { ACROSS_ABI, ACROSS_SPOKE_POOLS } from '../../src/main/history/decode/bridges/across';
import {
  CCTP_ABI,
  CCTP_MESSAGE_TRANSMITTERS,
  CCTP_TOKEN_MESSENGERS,
  CCTP_USDC,
} from '../../src/main/history/decode/bridges/cctp';
import { decodeActivity } from '../../src/main/history/decode/decodeActivity';
import { linkBridgeLegs } from '../../src/main/history/decode/linkBridgeLegs';
import type { RawTransaction } from '../../src/main/history/rawTransaction';
import { toChecksumAddress } from '../../src/main/store/address';
import { ANVIL_DEV_ACCOUNT, mineNextAt } from '../anvil/chainSetup';
import { useAnvilChains } from '../anvil/useAnvilChains';
import { ACROSS_SPOKE_POOL_ABI } from './acrossSpokePool';
import { CCTP_MESSAGE_TRANSMITTER_ABI, CCTP_TOKEN_MESSENGER_ABI, ethereumToBaseBurn } from './cctp';
import {
  deployAcrossSpokePool,
  deployCctpMessageTransmitter,
  deployCctpTokenMessenger,
} from './deployDoubles';
import { sendRaw } from './rawTransactionFromAnvil';

// Ethereum and Base, with the bridge doubles at the real contracts' addresses, as the demo places them.
const nodes = useAnvilChains([1, 8453]);
const ethereum = 0;
const base = 1;
const url = (chain: number) => nodes[chain]?.url as string;
const USER = toChecksumAddress(ANVIL_DEV_ACCOUNT);
/** Anvil's second dev account plays the relayer, so the fill is someone else's transaction. */
const RELAYER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const noTokens = () => undefined;
const word = (address: string) => zeroPadValue(address, 32);

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

const locate = (tx: RawTransaction) =>
  decodeActivity(tx, USER, noTokens).bridgeLegs.map((leg) => ({
    leg,
    chainId: tx.chainId,
    hash: tx.hash,
    timestamp: tx.timestamp,
  }));

describe('bridge test doubles on anvil', () => {
  it('an Across deposit on Ethereum and its fill on Base decode into linked legs', async () => {
    const spokePool = new Interface(ACROSS_SPOKE_POOL_ABI);
    await deployAcrossSpokePool(url(ethereum), ACROSS_SPOKE_POOLS[1] as string);
    await deployAcrossSpokePool(url(base), ACROSS_SPOKE_POOLS[8453] as string);

    const deposit = await sendRaw(url(ethereum), {
      from: USER,
      to: ACROSS_SPOKE_POOLS[1],
      data: spokePool.encodeFunctionData('depositV3', [
        USER,
        USER,
        CCTP_USDC[1],
        CCTP_USDC[8453],
        1_000_000n,
        990_000n,
        8453n,
        `0x${'00'.repeat(20)}`,
        1_700_000_000,
        1_700_003_600,
        0,
        '0xc0ffee',
      ]),
    });
    const decodedDeposit = decodeActivity(deposit, USER, noTokens);
    expect(decodedDeposit).toMatchObject({ kind: 'bridge', method: 'depositV3' });
    expect(only(decodedDeposit.bridgeLegs)).toEqual({
      protocol: 'across',
      role: 'source',
      key: 'across:1:0',
      fromChainId: 1,
      toChainId: 8453,
      token: CCTP_USDC[1],
      amount: 1_000_000n,
    });

    // The relayer fills from the deposit event, as a real relayer does.
    const event = ACROSS_ABI.parseLog(only(deposit.logs));
    expect(event?.args.message).toBe('0xc0ffee');
    const args = event?.args as unknown as Record<string, unknown>;
    await mineNextAt(url(base), deposit.timestamp + 90);
    const fill = await sendRaw(url(base), {
      from: RELAYER,
      to: ACROSS_SPOKE_POOLS[8453],
      data: spokePool.encodeFunctionData('fillRelay', [
        [
          args.depositor,
          args.recipient,
          args.exclusiveRelayer,
          args.inputToken,
          args.outputToken,
          args.inputAmount,
          args.outputAmount,
          1n,
          args.depositId,
          args.fillDeadline,
          args.exclusivityDeadline,
          args.message,
        ],
        8453n,
        word(RELAYER),
      ]),
    });
    const filled = ACROSS_ABI.parseLog(only(fill.logs));
    expect(filled?.args.relayer).toBe(word(RELAYER).toLowerCase());
    expect(filled?.args.messageHash).toBe(keccak256('0xc0ffee'));
    expect(only(decodeActivity(fill, USER, noTokens).bridgeLegs)).toMatchObject({
      role: 'destination',
      key: 'across:1:0',
      token: CCTP_USDC[8453],
      amount: 990_000n,
    });

    const link = linkBridgeLegs([...locate(deposit), ...locate(fill)]).get('across:1:0');
    expect(link).toMatchObject({ status: 'arrived', sourceHash: deposit.hash, destinationHash: fill.hash });
    expect(link?.durationSeconds).toBe(90);
  });

  it('a CCTP burn on Ethereum and its message received on Base share the key', async () => {
    const messenger = new Interface(CCTP_TOKEN_MESSENGER_ABI);
    const transmitter = new Interface(CCTP_MESSAGE_TRANSMITTER_ABI);
    await deployCctpTokenMessenger(
      url(ethereum),
      CCTP_TOKEN_MESSENGERS[1] as string,
      CCTP_TOKEN_MESSENGERS[8453] as string,
    );
    await deployCctpMessageTransmitter(url(base), CCTP_MESSAGE_TRANSMITTERS[8453] as string);

    const burn = await sendRaw(url(ethereum), {
      from: USER,
      to: CCTP_TOKEN_MESSENGERS[1],
      data: messenger.encodeFunctionData('depositForBurn', [2_500_000n, 6, word(USER), CCTP_USDC[1]]),
    });
    const burned = CCTP_ABI.parseLog(only(burn.logs));
    expect(burned?.args.toArray()).toEqual([
      0n,
      CCTP_USDC[1],
      2_500_000n,
      USER,
      word(USER).toLowerCase(),
      6n,
      word(CCTP_TOKEN_MESSENGERS[8453] as string).toLowerCase(),
      zeroPadValue('0x', 32),
    ]);
    expect(only(decodeActivity(burn, USER, noTokens).bridgeLegs)).toMatchObject({
      role: 'source',
      key: 'cctp:0:0',
    });

    const { message, body } = ethereumToBaseBurn(USER, 2_500_000n);
    const received = await sendRaw(url(base), {
      from: RELAYER,
      to: CCTP_MESSAGE_TRANSMITTERS[8453],
      data: transmitter.encodeFunctionData('receiveMessage', [message, '0x']),
    });
    const event = CCTP_ABI.parseLog(only(received.logs));
    expect(event?.args.toArray()).toEqual([
      RELAYER,
      0n,
      0n,
      word(CCTP_TOKEN_MESSENGERS[1] as string).toLowerCase(),
      body,
    ]);
    expect(decodeActivity(received, USER, noTokens)).toMatchObject({
      kind: 'bridge',
      bridgeLegs: [{ role: 'destination', key: 'cctp:0:0', token: CCTP_USDC[8453], amount: 2_500_000n }],
    });
    expect(linkBridgeLegs([...locate(burn), ...locate(received)]).get('cctp:0:0')?.status).toBe('arrived');
  });
});
