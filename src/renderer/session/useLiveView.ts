import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../shared/api/contract';
import { errorMessage } from './errorMessage';
import { useWallet } from './WalletContext';

/** Views main answers without a request, with the event that carries the whole view again on each change. */
const PUSHED_BY = {
  'pairing.status': 'pairing.changed',
  'sync.status': 'sync.changed',
  'names.list': 'names.changed',
  'browsers.status': 'browsers.changed',
  'walletconnect.view': 'walletconnect.changed',
  'safes.view': 'safes.changed',
  'updates.view': 'updates.changed',
} as const;

type LiveChannel = keyof typeof PUSHED_BY;

export interface LiveView<T> {
  /** Null until main has answered. */
  view: T | null;
  error: string | null;
  /** Shows what a call answered at once, without waiting for its push. */
  show(view: T): void;
}

/**
 * One view main owns (pairing, sync, names), kept current from its pushes: asked once, then replaced whole by
 * every change event, so what another device or the relay changes shows at once.
 */
export function useLiveView<C extends LiveChannel>(channel: C): LiveView<ResponseOf<C>> {
  type View = ResponseOf<C>;
  const { client } = useWallet();
  // What the page asked for as it started, when it is in: the first render shows it at once (firstCalls.ts).
  const [view, setView] = useState<View | null>(() => (client.ready?.(channel) as View | undefined) ?? null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    // Subscribed before asking, so a change made while the answer is on its way is not lost.
    const unsubscribe = client.on(PUSHED_BY[channel], (next) => {
      if (current) setView(next as View);
    });
    client.call(channel as LiveChannel).then(
      (next) => {
        if (current) {
          setView(next as View);
          setError(null);
        }
      },
      (failure: unknown) => {
        if (current) setError(errorMessage(failure));
      },
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, [client, channel]);

  return { view, error, show: setView };
}
