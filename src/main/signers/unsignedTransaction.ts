import type { SignTransaction } from '../../shared/devices';
import { toChecksumAddress } from '../store/address';
import type { UnsignedTransaction } from './signer';

type Request = Extract<SignTransaction['transaction'], object>;

/** The contract carries amounts as decimal text (JSON has no bigint); signers take bigints. */
export function toUnsignedTransaction(request: Request): UnsignedTransaction {
  const common = {
    chainId: BigInt(request.chainId),
    nonce: request.nonce,
    to: request.to === null ? null : toChecksumAddress(request.to),
    value: BigInt(request.value),
    data: request.data.toLowerCase(),
    gasLimit: BigInt(request.gasLimit),
  };
  return request.type === 2
    ? {
        ...common,
        type: 2,
        maxFeePerGas: BigInt(request.maxFeePerGas),
        maxPriorityFeePerGas: BigInt(request.maxPriorityFeePerGas),
      }
    : { ...common, type: 0, gasPrice: BigInt(request.gasPrice) };
}
