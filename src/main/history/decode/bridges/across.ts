import { Interface } from 'ethers/abi';
import { type ChecksumAddress, toChecksumAddress } from '../../../store/address';
import { isAddressWord, wordToAddress } from '../words';
import { type BridgeCandidate, parseLogsFrom } from './common';
import type { RawTransaction } from '../../rawTransaction';

/** Across SpokePool proxies (docs.across.to, "Contract Addresses"). */
export const ACROSS_SPOKE_POOLS: Readonly<Record<number, string>> = {
  1: '0x5c7BCd6E7De5423a257D81B442095A1a6ced35C5',
  10: '0x6f26Bf09B1C792e3228e5467807a900A503c0281',
  8453: '0x09aea4b2242abC8bb4BB78D537A67a245A7bEC64',
  42161: '0xe35e9842fceaCA96570B734083f4a58e8F7C5f2A',
};

/**
 * The current SpokePool (Across 3.5+) emits the bytes32 forms `FundsDeposited` / `FilledRelay`; deposits and
 * fills from before that upgrade carry the address forms `V3FundsDeposited` / `FilledV3Relay`. Both are
 * decoded so older history links too.
 */
export const ACROSS_ABI = new Interface([
  'event FundsDeposited(bytes32 inputToken, bytes32 outputToken, uint256 inputAmount, uint256 outputAmount, uint256 indexed destinationChainId, uint256 indexed depositId, uint32 quoteTimestamp, uint32 fillDeadline, uint32 exclusivityDeadline, bytes32 indexed depositor, bytes32 recipient, bytes32 exclusiveRelayer, bytes message)',
  'event V3FundsDeposited(address inputToken, address outputToken, uint256 inputAmount, uint256 outputAmount, uint256 indexed destinationChainId, uint32 indexed depositId, uint32 quoteTimestamp, uint32 fillDeadline, uint32 exclusivityDeadline, address indexed depositor, address recipient, address exclusiveRelayer, bytes message)',
  'event FilledRelay(bytes32 inputToken, bytes32 outputToken, uint256 inputAmount, uint256 outputAmount, uint256 repaymentChainId, uint256 indexed originChainId, uint256 indexed depositId, uint32 fillDeadline, uint32 exclusivityDeadline, bytes32 exclusiveRelayer, bytes32 indexed relayer, bytes32 depositor, bytes32 recipient, bytes32 messageHash, (bytes32 updatedRecipient, bytes32 updatedMessageHash, uint256 updatedOutputAmount, uint8 fillType) relayExecutionInfo)',
  'event FilledV3Relay(address inputToken, address outputToken, uint256 inputAmount, uint256 outputAmount, uint256 repaymentChainId, uint256 indexed originChainId, uint32 indexed depositId, uint32 fillDeadline, uint32 exclusivityDeadline, address exclusiveRelayer, address indexed relayer, address depositor, address recipient, bytes message, (address updatedRecipient, bytes updatedMessage, uint256 updatedOutputAmount, uint8 fillType) relayExecutionInfo)',
]);

/** Both forms hold EVM addresses either as addresses or as left-padded bytes32; others (e.g. Solana) are not ours. */
function evmAddress(value: string): ChecksumAddress | null {
  if (value.length === 42) return toChecksumAddress(value);
  return isAddressWord(value) ? wordToAddress(value) : null;
}

/**
 * Key `across:{originChainId}:{depositId}`: the pair the SpokePool itself uses to identify a deposit in fills.
 * Refunds of expired deposits are paid in bulk through relayer-refund roots that name no deposit id, so no
 * refund leg is decoded: an expired deposit stays pending.
 */
export function decodeAcross(tx: RawTransaction): BridgeCandidate[] {
  return parseLogsFrom(tx, ACROSS_ABI, ACROSS_SPOKE_POOLS[tx.chainId]).flatMap(
    ({ event }): BridgeCandidate[] => {
      const args = event.args;
      const inputToken = evmAddress(args.inputToken as string);
      const outputToken = evmAddress(args.outputToken as string);
      if (event.name === 'FundsDeposited' || event.name === 'V3FundsDeposited') {
        if (!inputToken) return [];
        const leg = {
          protocol: 'across' as const,
          role: 'source' as const,
          key: `across:${tx.chainId}:${args.depositId as bigint}`,
          fromChainId: tx.chainId,
          toChainId: Number(args.destinationChainId as bigint),
          token: inputToken,
          amount: args.inputAmount as bigint,
        };
        return [
          { leg, parties: [evmAddress(args.depositor as string), evmAddress(args.recipient as string)] },
        ];
      }
      if (!outputToken) return [];
      const originChainId = args.originChainId as bigint;
      const leg = {
        protocol: 'across' as const,
        role: 'destination' as const,
        key: `across:${originChainId}:${args.depositId as bigint}`,
        fromChainId: Number(originChainId),
        toChainId: tx.chainId,
        token: outputToken,
        amount: (args.relayExecutionInfo as { updatedOutputAmount: bigint }).updatedOutputAmount,
      };
      return [{ leg, parties: [evmAddress(args.depositor as string), evmAddress(args.recipient as string)] }];
    },
  );
}
