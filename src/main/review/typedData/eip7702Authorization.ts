import { type Decoder, decoded } from './decoded';
import { matchShape, type Shape } from './structShape';

/** Integers as wallets write an authorization tuple; the chain id and nonce are uint256 and uint64 in EIP-7702. */
const SHAPES: readonly Shape[] = ['address', 'delegate'].flatMap((target) =>
  ['uint256', 'uint64'].map((nonce) => ({ chainId: 'uint256', [target]: 'address', nonce })),
);

/**
 * An EIP-7702 authorization presented as typed data (there is no standard for it yet): `Authorization` with
 * the chain id (0: every chain), the contract to delegate to (`address` or `delegate`) and the account nonce.
 * Signed, it lets that contract's code run as this account.
 */
export const decodeEip7702Authorization: Decoder = ({ primaryType, message }) => {
  if (primaryType !== 'Authorization') return null;
  for (const shape of SHAPES) {
    const fields = matchShape(message, shape);
    if (fields) {
      const target = 'address' in shape ? 'address' : 'delegate';
      return decoded('eip7702-authorization', {
        delegation: { address: fields.address(target), chainId: fields.integer('chainId') },
      });
    }
  }
  return null;
};
