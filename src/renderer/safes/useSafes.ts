import type { SafesView } from '../../shared/safes';
import { useLiveView, type LiveView } from '../session/useLiveView';

export type Safes = LiveView<SafesView>;

/** The Safes followed and their pending transactions, kept current from main's `safes.changed`. */
export function useSafes(): Safes {
  return useLiveView('safes.view');
}
