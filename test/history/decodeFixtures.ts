import type { Interface } from 'ethers/abi';
import { id } from 'ethers/hash';
import { toChecksumAddress, type ChecksumAddress } from '../../src/main/store/address';
import type { TokenLookup } from '../../src/main/history/activity';
import type { RawLog, RawTransaction } from '../../src/main/history/rawTransaction';

/** Builders for the decoders' unit tests: synthetic transactions whose logs ethers encodes. */
export const address = (name: string): ChecksumAddress => toChecksumAddress(`0x${id(name).slice(-40)}`);

export const ACCOUNT = address('account');
export const OTHER = address('other');

export function rawTx(overrides: Partial<RawTransaction> = {}): RawTransaction {
  return {
    chainId: 1,
    hash: id('tx'),
    blockNumber: 100,
    blockHash: id('block'),
    timestamp: 1_700_000_000,
    transactionIndex: 0,
    from: ACCOUNT,
    to: OTHER,
    contractAddress: null,
    value: 0n,
    input: '0x',
    nonce: 0,
    status: 'success',
    gasUsed: 21_000n,
    effectiveGasPrice: 1n,
    logs: [],
    ...overrides,
  };
}

export function eventLog(
  abi: Interface,
  emitter: string,
  event: string,
  args: readonly unknown[],
  logIndex = 0,
): RawLog {
  const { topics, data } = abi.encodeEventLog(event, args);
  return { address: toChecksumAddress(emitter), topics, data, logIndex };
}

/** Logs numbered in the order given, as a receipt lists them. */
export function numbered(logs: readonly RawLog[], first = 0): RawLog[] {
  return logs.map((log, i) => ({ ...log, logIndex: first + i }));
}

export const noTokens: TokenLookup = () => undefined;
