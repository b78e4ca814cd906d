import { anvilBatch, type RpcCall } from '../anvil/chainSetup';
import { assemble } from './evmAssembler';

/**
 * A stand-in for a Chainlink-style aggregator (AggregatorV3Interface), placed with `anvil_setCode` at a real
 * feed's address so the wallet reads it exactly as it would read the feed on a live chain:
 * - `latestRoundData()` answers (roundId, answer, startedAt, updatedAt, answeredInRound), with startedAt =
 *   updatedAt and answeredInRound = roundId, as a feed whose latest round is complete;
 * - `decimals()` answers the stored decimals.
 * Every other call reverts empty. The round lives in storage, so a test or the demo moves a feed along with
 * `anvil_setStorageAt` and every feed shares one bytecode.
 */
export const PRICE_FEED_ABI = [
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
  'function decimals() view returns (uint8)',
] as const;

const SLOT = { answer: 0n, updatedAt: 1n, decimals: 2n, roundId: 3n } as const;
const LATEST_ROUND_DATA = 0xfeaf968cn;
const DECIMALS = 0x313ce567n;

export const PRICE_FEED_SOURCE = [
  'PUSH 0 CALLDATALOAD PUSH 0xe0 SHR ; [sel]',
  `DUP1 PUSH ${LATEST_ROUND_DATA} EQ PUSH @latestRoundData JUMPI`,
  `DUP1 PUSH ${DECIMALS} EQ PUSH @decimals JUMPI`,
  'PUSH 0 DUP1 REVERT',
  'latestRoundData:',
  `PUSH ${SLOT.roundId} SLOAD DUP1 PUSH 0 MSTORE PUSH 0x80 MSTORE`,
  `PUSH ${SLOT.answer} SLOAD PUSH 0x20 MSTORE`,
  `PUSH ${SLOT.updatedAt} SLOAD DUP1 PUSH 0x40 MSTORE PUSH 0x60 MSTORE`,
  'PUSH 0xa0 PUSH 0 RETURN',
  'decimals:',
  `PUSH ${SLOT.decimals} SLOAD PUSH 0 MSTORE PUSH 0x20 PUSH 0 RETURN`,
];

export const PRICE_FEED_RUNTIME = assemble(PRICE_FEED_SOURCE);

export interface FeedRound {
  /** The price as the feed reports it, scaled by 10^decimals; int256, so it may be zero or negative. */
  answer: bigint;
  decimals: number;
  /** Unix seconds. */
  updatedAt: number;
  /** Defaults to 1; the wallet does not read it, but a caller may count rounds with it. */
  roundId?: bigint;
}

const word = (value: bigint) => `0x${BigInt.asUintN(256, value).toString(16).padStart(64, '0')}`;

function roundStorage(address: string, round: FeedRound): RpcCall[] {
  if (round.answer < -(1n << 255n) || round.answer >= 1n << 255n) {
    throw new Error(`answer ${round.answer} does not fit in an int256`);
  }
  if (!Number.isInteger(round.decimals) || round.decimals < 0 || round.decimals > 255) {
    throw new Error(`decimals ${round.decimals} is not a uint8`);
  }
  const values: [bigint, bigint][] = [
    [SLOT.answer, round.answer],
    [SLOT.updatedAt, BigInt(round.updatedAt)],
    [SLOT.decimals, BigInt(round.decimals)],
    [SLOT.roundId, round.roundId ?? 1n],
  ];
  return values.map(([slot, value]) => ['anvil_setStorageAt', [address, word(slot), word(value)]]);
}

/** Writes a new latest round into a stand-in already placed at `address`. */
export async function setFeedRound(rpcUrl: string, address: string, round: FeedRound): Promise<void> {
  await anvilBatch(rpcUrl, roundStorage(address, round));
}

/** Places a stand-in at `address` (a real feed's, usually) answering `round`. */
export async function placePriceFeed(rpcUrl: string, address: string, round: FeedRound): Promise<void> {
  await anvilBatch(rpcUrl, [
    ['anvil_setCode', [address, PRICE_FEED_RUNTIME]],
    ...roundStorage(address, round),
  ]);
}
