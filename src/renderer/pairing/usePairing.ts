import type { PairingView } from '../../shared/pairing';
import { useLiveView, type LiveView } from '../session/useLiveView';

export type Pairing = LiveView<PairingView>;

/** The relay, the pairing in progress and the paired phones, kept current from main's `pairing.changed`. */
export function usePairing(): Pairing {
  return useLiveView('pairing.status');
}
