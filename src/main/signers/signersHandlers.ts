import type { devicesCalls } from '../../shared/api/calls/devices';
import { ApiError } from '../../shared/api/envelope';
import type { FamilyHandlers } from '../api/router';
import type { SignersService } from './signersService';

/** The phone side of a signing request the user can withdraw or send again; the pairing service holds it. */
export interface PhoneRequestControl {
  cancelRequest(id: string): boolean;
  retryRequest(id: string): void;
}

export function signersHandlers(
  signers: SignersService,
  phoneRequests: PhoneRequestControl,
): FamilyHandlers<typeof devicesCalls> {
  return {
    'devices.list': () => signers.list(),
    'devices.discover': (request) => signers.discover(request),
    'devices.addAccounts': (request) => signers.addAccounts(request),
    'devices.verifyAddress': ({ accountId }) => signers.verifyAddress(accountId),
    'devices.forget': ({ fingerprint }) => (signers.forget(fingerprint), null),
    'devices.answer': ({ deviceId, request, value }) => (signers.answer(deviceId, request, value), null),
    'signing.message': ({ accountId, message }) => signers.signMessage(accountId, message),
    'signing.reviewTypedData': (request) => signers.reviewTypedData(request),
    'signing.typedData': (request) => signers.signTypedData(request),
    'signing.cancel': ({ id }) => {
      if (!phoneRequests.cancelRequest(id)) {
        throw new ApiError('not_found', 'That request is not waiting any more.');
      }
      return null;
    },
    'signing.retry': ({ id }) => (phoneRequests.retryRequest(id), null),
  };
}
