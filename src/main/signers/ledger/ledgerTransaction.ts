import { Transaction } from 'ethers';
import type { UnsignedTransaction } from '../signer';

/** The unsigned serialization the Ethereum app parses: EIP-155 fields for legacy, the typed envelope for 1559. */
export function serializeForLedger(transaction: UnsignedTransaction): string {
  const common = {
    chainId: transaction.chainId,
    nonce: transaction.nonce,
    to: transaction.to,
    value: transaction.value,
    data: transaction.data,
    gasLimit: transaction.gasLimit,
  };
  const typed =
    transaction.type === 0
      ? Transaction.from({ ...common, type: 0, gasPrice: transaction.gasPrice })
      : Transaction.from({
          ...common,
          type: 2,
          maxFeePerGas: transaction.maxFeePerGas,
          maxPriorityFeePerGas: transaction.maxPriorityFeePerGas,
        });
  return typed.unsignedSerialized.slice(2);
}

/**
 * hw-app-eth hands back v as hex: the parity for typed transactions, and for legacy ones the full EIP-155 v it
 * rebuilt from the device's truncated byte. Either way the parity is what a signature needs.
 */
export function yParityFromV(v: string, transaction: Pick<UnsignedTransaction, 'type' | 'chainId'>): 0 | 1 {
  const value = BigInt(`0x${v}`);
  const parity = transaction.type === 0 ? value - (transaction.chainId * 2n + 35n) : value;
  if (parity !== 0n && parity !== 1n) throw new Error(`the Ledger returned v ${v}, which has no parity`);
  return parity === 0n ? 0 : 1;
}

/** Messages and typed data come back with v = 27 + parity. */
export function yParityFromMessageV(v: number): 0 | 1 {
  if (v !== 27 && v !== 28) throw new Error(`the Ledger returned v ${v} for a message`);
  return v === 27 ? 0 : 1;
}
