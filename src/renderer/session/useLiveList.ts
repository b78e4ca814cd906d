import { useSyncExternalStore } from 'react';
import type { ResponseOf } from '../../shared/api/contract';
import { type LiveChannel, type LiveList, liveListStore } from './liveListStore';
import { useWallet } from './WalletContext';

export type { LiveList } from './liveListStore';

/**
 * A list main owns, kept current from its pushes: asked once, then replaced whole by every change event, so
 * an add anywhere shows everywhere. Every component showing the list shares one copy (liveListStore.ts).
 */
export function useLiveList<C extends LiveChannel>(channel: C): LiveList<ResponseOf<C>[number]> {
  const { client } = useWallet();
  const store = liveListStore(client, channel);
  return useSyncExternalStore(store.subscribe, store.snapshot);
}
