import { ApiError } from './api/envelope';

const CANNOT_SIGN =
  'This is a watch-only account: the wallet knows its address but holds no way to sign for it. ' +
  'Add the account from the Ledger, Trezor or phone that holds its key to sign with it.';

/** Why a watch-only account cannot sign: the review shows it before anything reaches a signer. */
export function cannotSign(): ApiError<'cannot_sign'> {
  return new ApiError('cannot_sign', CANNOT_SIGN);
}
