import { Interface } from 'ethers/abi';
import { keccak256 } from 'ethers/crypto';
import { concat, dataSlice, encodeRlp, toBeHex, toBigInt, zeroPadValue } from 'ethers/utils';
import { toChecksumAddress } from '../../../store/address';
import type { RawTransaction } from '../../rawTransaction';
import { sameAddress, wordToAddress } from '../words';
import { type BridgeCandidate, type ParsedLog, firstAfter, parseLogsFrom } from './common';

/** Ethereum-side contracts of each OP-stack chain (OP and Base docs, "Contract addresses"). */
export const OP_STACK_L1_CONTRACTS: Readonly<Record<number, { portal: string; standardBridge: string }>> = {
  10: {
    portal: '0xbEb5Fc579115071764c7423A4f12eDde41f106Ed',
    standardBridge: '0x99C9fc46f92E8a1c0deC1b1747d010903E884bE1',
  },
  8453: {
    portal: '0x49048044D57e1C92A77f79988d21Fa8fAF74E97e',
    standardBridge: '0x3154Cf16ccdb4C6d922629664174b904d80F2C35',
  },
};
const L1_CHAIN_ID = 1;
export const L2_STANDARD_BRIDGE = '0x4200000000000000000000000000000000000010';
export const L2_TO_L1_MESSAGE_PASSER = '0x4200000000000000000000000000000000000016';
/** The token address the L2 bridge reports for ETH. */
const LEGACY_ERC20_ETH = '0xDeadDeAddeAddEAddeadDEaDDEAdDeaDDeAD0000';

export const OP_STACK_ABI = new Interface([
  'event ETHDepositInitiated(address indexed from, address indexed to, uint256 amount, bytes extraData)',
  'event ERC20DepositInitiated(address indexed l1Token, address indexed l2Token, address indexed from, address to, uint256 amount, bytes extraData)',
  'event ETHWithdrawalFinalized(address indexed from, address indexed to, uint256 amount, bytes extraData)',
  'event ERC20WithdrawalFinalized(address indexed l1Token, address indexed l2Token, address indexed from, address to, uint256 amount, bytes extraData)',
  'event TransactionDeposited(address indexed from, address indexed to, uint256 indexed version, bytes opaqueData)',
  'event WithdrawalFinalized(bytes32 indexed withdrawalHash, bool success)',
  'event DepositFinalized(address indexed l1Token, address indexed l2Token, address indexed from, address to, uint256 amount, bytes extraData)',
  'event WithdrawalInitiated(address indexed l1Token, address indexed l2Token, address indexed from, address to, uint256 amount, bytes extraData)',
  'event MessagePassed(uint256 indexed nonce, address indexed sender, address indexed target, uint256 value, uint256 gasLimit, bytes data, bytes32 withdrawalHash)',
]);

const rlpInteger = (value: bigint) => (value === 0n ? '0x' : toBeHex(value));

/**
 * The hash of the L2 deposit transaction a TransactionDeposited log becomes (OP specs, "Deposits": type 0x7E,
 * user-deposit source hash from the L1 block hash and log index). The L2 transaction that finalizes the
 * deposit has exactly this hash, so it is a real shared id even though the bridge events themselves carry none.
 */
export function depositTransactionHash(blockHash: string, deposited: ParsedLog): string {
  const sourceHash = keccak256(
    concat([
      zeroPadValue('0x', 32),
      keccak256(concat([blockHash, zeroPadValue(toBeHex(deposited.log.logIndex), 32)])),
    ]),
  );
  const opaque = deposited.event.args.opaqueData as string;
  const isCreation = dataSlice(opaque, 72, 73) !== '0x00';
  const fields = [
    sourceHash,
    wordToAddress(deposited.log.topics[1] as string),
    isCreation ? '0x' : wordToAddress(deposited.log.topics[2] as string),
    rlpInteger(toBigInt(dataSlice(opaque, 0, 32))),
    rlpInteger(toBigInt(dataSlice(opaque, 32, 64))),
    rlpInteger(toBigInt(dataSlice(opaque, 64, 72))),
    '0x',
    dataSlice(opaque, 73),
  ];
  return keccak256(concat(['0x7e', encodeRlp(fields)]));
}

const l2Token = (token: string) => (sameAddress(token, LEGACY_ERC20_ETH) ? null : toChecksumAddress(token));
const l1Token = (token: string | undefined) => (token === undefined ? null : toChecksumAddress(token));

/**
 * Keys: `op-stack:{l2ChainId}:deposit:{l2TxHash}` for deposits, the L2 deposit transaction's hash computed
 * from the portal's TransactionDeposited log; `op-stack:{l2ChainId}:withdrawal:{withdrawalHash}` for
 * withdrawals, from MessagePassed on L2 and WithdrawalFinalized on L1. Limit: a deposit whose L2 execution
 * failed and was replayed later finalizes in the replay transaction, which this key does not link.
 */
export function decodeOpStack(tx: RawTransaction): BridgeCandidate[] {
  if (tx.chainId === L1_CHAIN_ID) {
    return Object.entries(OP_STACK_L1_CONTRACTS).flatMap(([l2, contracts]) =>
      decodeL1(tx, Number(l2), contracts),
    );
  }
  return OP_STACK_L1_CONTRACTS[tx.chainId] ? decodeL2(tx) : [];
}

function decodeL1(
  tx: RawTransaction,
  l2ChainId: number,
  { portal, standardBridge }: { portal: string; standardBridge: string },
): BridgeCandidate[] {
  const portalLogs = parseLogsFrom(tx, OP_STACK_ABI, portal);
  const deposited = portalLogs.filter(({ event }) => event.name === 'TransactionDeposited');
  const finalized = portalLogs.filter(({ event }) => event.name === 'WithdrawalFinalized');
  return parseLogsFrom(tx, OP_STACK_ABI, standardBridge).flatMap(({ log, event }): BridgeCandidate[] => {
    const { args } = event;
    const base = { protocol: 'op-stack' as const, amount: args.amount as bigint };
    const parties = [args.from as string, args.to as string];
    if (event.name === 'ETHDepositInitiated' || event.name === 'ERC20DepositInitiated') {
      const message = firstAfter(deposited, log.logIndex);
      if (!message) return [];
      const key = `op-stack:${l2ChainId}:deposit:${depositTransactionHash(tx.blockHash, message)}`;
      const leg = { ...base, role: 'source' as const, key, fromChainId: tx.chainId, toChainId: l2ChainId };
      return [{ leg: { ...leg, token: l1Token(args.l1Token as string | undefined) }, parties }];
    }
    const proof = firstAfter(finalized, log.logIndex);
    if (!proof) return [];
    const key = `op-stack:${l2ChainId}:withdrawal:${proof.event.args.withdrawalHash as string}`;
    const leg = { ...base, role: 'destination' as const, key, fromChainId: l2ChainId, toChainId: tx.chainId };
    return [{ leg: { ...leg, token: l1Token(args.l1Token as string | undefined) }, parties }];
  });
}

function decodeL2(tx: RawTransaction): BridgeCandidate[] {
  const passed = parseLogsFrom(tx, OP_STACK_ABI, L2_TO_L1_MESSAGE_PASSER);
  return parseLogsFrom(tx, OP_STACK_ABI, L2_STANDARD_BRIDGE).flatMap(({ log, event }): BridgeCandidate[] => {
    const { args } = event;
    const base = {
      protocol: 'op-stack' as const,
      token: l2Token(args.l2Token as string),
      amount: args.amount as bigint,
    };
    const parties = [args.from as string, args.to as string];
    if (event.name === 'DepositFinalized') {
      const key = `op-stack:${tx.chainId}:deposit:${tx.hash}`;
      return [
        {
          leg: {
            ...base,
            role: 'destination' as const,
            key,
            fromChainId: L1_CHAIN_ID,
            toChainId: tx.chainId,
          },
          parties,
        },
      ];
    }
    const message = event.name === 'WithdrawalInitiated' ? firstAfter(passed, log.logIndex) : undefined;
    if (!message) return [];
    const key = `op-stack:${tx.chainId}:withdrawal:${message.event.args.withdrawalHash as string}`;
    return [
      {
        leg: { ...base, role: 'source' as const, key, fromChainId: tx.chainId, toChainId: L1_CHAIN_ID },
        parties,
      },
    ];
  });
}
