import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../shared/api/contract';
import { errorMessage } from './errorMessage';
import { useWallet } from './WalletContext';

export interface LiveList<T> {
  /** Null until main has answered. */
  list: T[] | null;
  error: string | null;
}

/** Lists main answers without a request, with the event that carries the whole list again on each change. */
const PUSHED_BY = {
  'accounts.list': 'accounts.changed',
  'devices.list': 'devices.changed',
  'dapps.sites': 'dapps.sitesChanged',
  'dapps.requests': 'dapps.requestsChanged',
} as const;

type LiveChannel = keyof typeof PUSHED_BY;

/**
 * A list main owns, kept current from its pushes: asked once, then replaced whole by every change event, so
 * an add anywhere shows everywhere.
 */
export function useLiveList<C extends LiveChannel>(channel: C): LiveList<ResponseOf<C>[number]> {
  type Item = ResponseOf<C>[number];
  const { client } = useWallet();
  // What the page asked for as it started, when it is in: the first render shows it at once (firstCalls.ts).
  const [state, setState] = useState<LiveList<Item>>(() => ({
    list: (client.ready?.(channel) as Item[] | undefined) ?? null,
    error: null,
  }));

  useEffect(() => {
    let current = true;
    // Subscribed before asking, so a change made while the list is on its way is not lost.
    const unsubscribe = client.on(PUSHED_BY[channel], (list) => {
      if (current) setState({ list: list as Item[], error: null });
    });
    client.call(channel as LiveChannel).then(
      (list) => {
        // The very answer the first render showed (`ready`) changes nothing.
        if (current)
          setState((shown) => (shown.list === list ? shown : { list: list as Item[], error: null }));
      },
      (error: unknown) => {
        if (current) setState({ list: null, error: errorMessage(error) });
      },
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, [client, channel]);

  return state;
}
