import { cannotSign } from '../../shared/watchOnly';
import type { Signer } from './signer';

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
