import type { NamesView } from '../../shared/names';
import { useLiveView, type LiveView } from '../session/useLiveView';

export type Names = LiveView<NamesView>;

/**
 * Labels and contacts, kept current from main's `names.changed`, which also carries what arrives from the
 * user's other devices through sync.
 */
export function useNames(): Names {
  return useLiveView('names.list');
}
