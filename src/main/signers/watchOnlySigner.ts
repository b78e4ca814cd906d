import { ApiError } from '../../shared/api/envelope';
import type { Signer } from './signer';

const CANNOT_SIGN =
  'This is a watch-only account: the wallet knows its address but holds no way to sign for it. ' +
  'Add the account from the Ledger, Trezor or phone that holds its key to sign with it.';

export function cannotSign(): ApiError<'cannot_sign'> {
  return new ApiError('cannot_sign', CANNOT_SIGN);
}

function refuse(): never {
  throw cannotSign();
}

/** The signer of an address added to watch: it shows up everywhere, and every request says why it cannot sign. */
export const watchOnlySigner: Signer = {
  kind: 'watch',
  getAddresses: async () => refuse(),
  showAddress: async () => refuse(),
  getExtendedPublicKey: async () => refuse(),
  signTransaction: async () => refuse(),
  signPersonalMessage: async () => refuse(),
  signTypedData: async () => refuse(),
};
