import type { pairingCalls } from '../../shared/api/calls/pairing';
import type { FamilyHandlers } from '../api/router';
import type { PairingService } from './pairingService';

export function pairingHandlers(pairing: PairingService): FamilyHandlers<typeof pairingCalls> {
  return {
    'pairing.status': () => pairing.status(),
    'pairing.start': () => pairing.start(),
    'pairing.confirm': ({ id, matches }) => pairing.confirm(id, matches),
    'pairing.cancel': ({ id }) => pairing.cancel(id),
    'pairing.revoke': ({ fingerprint }) => pairing.revoke(fingerprint),
    'pairing.setRelay': ({ host, port }) => pairing.setRelay(host, port),
  };
}
