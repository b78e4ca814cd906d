import type { EthereumSignTransaction } from '@trezor/connect';
import type { UnsignedTransaction } from '../signer';

/** Trezor takes quantities as 0x-hex strings and the chain id as a JS number. */
export function toTrezorTransaction(
  transaction: UnsignedTransaction,
): EthereumSignTransaction['transaction'] {
  if (transaction.chainId > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`Chain id ${transaction.chainId} is too large for a Trezor.`);
  }
  const common = {
    to: transaction.to,
    value: quantity(transaction.value),
    gasLimit: quantity(transaction.gasLimit),
    nonce: quantity(BigInt(transaction.nonce)),
    data: transaction.data,
    chainId: Number(transaction.chainId),
  };
  if (transaction.type === 0) return { ...common, gasPrice: quantity(transaction.gasPrice) };
  return {
    ...common,
    maxFeePerGas: quantity(transaction.maxFeePerGas),
    maxPriorityFeePerGas: quantity(transaction.maxPriorityFeePerGas),
    accessList: [],
  };
}

function quantity(value: bigint): string {
  return `0x${value.toString(16)}`;
}
