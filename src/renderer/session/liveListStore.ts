import type { EventName, EventPayload, ResponseOf } from '../../shared/api/contract';
import type { WalletClient } from '../api/client';
import { errorMessage } from './errorMessage';

/** Lists main answers without a request, with the event that carries the whole list again on each change. */
export const PUSHED_BY = {
  'accounts.list': 'accounts.changed',
  'devices.list': 'devices.changed',
  'dapps.sites': 'dapps.sitesChanged',
  'dapps.requests': 'dapps.requestsChanged',
} as const;

export type LiveChannel = keyof typeof PUSHED_BY;

export interface LiveList<T> {
  /** Null until main has answered. */
  list: T[] | null;
  error: string | null;
}

/** One list as every component showing it sees it (useSyncExternalStore's shape). */
export interface LiveListStore<T> {
  subscribe(onChange: () => void): () => void;
  snapshot(): LiveList<T>;
}

type Item<C extends LiveChannel> = ResponseOf<C>[number];

const stores = new WeakMap<WalletClient, Map<LiveChannel, LiveListStore<unknown>>>();

/**
 * The one copy of `channel`'s list for `client`, shared by every component that shows it: the top bar's
 * account menu and the screen under it asked main for the same list each, so a launch sent `accounts.list`
 * a second time after the first screen had painted, and re-rendered that screen with its answer.
 */
export function liveListStore<C extends LiveChannel>(
  client: WalletClient,
  channel: C,
): LiveListStore<Item<C>> {
  let byChannel = stores.get(client);
  if (!byChannel) stores.set(client, (byChannel = new Map()));
  let store = byChannel.get(channel);
  if (!store) byChannel.set(channel, (store = createStore(client, channel)));
  return store as LiveListStore<Item<C>>;
}

/**
 * Asked when its first component mounts and kept current from main's pushes while any is mounted; once the
 * last has gone it stops listening, and the next first one asks again, showing the last list until then.
 */
function createStore<C extends LiveChannel>(client: WalletClient, channel: C): LiveListStore<Item<C>> {
  // What the page asked for as it started, when it is in: the first render shows it at once (firstCalls.ts).
  let state: LiveList<Item<C>> = {
    list: (client.ready?.(channel) as Item<C>[] | undefined) ?? null,
    error: null,
  };
  const listeners = new Set<() => void>();
  let stop: (() => void) | undefined;
  const show = (next: LiveList<Item<C>>) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };

  const start = () => {
    let listening = true;
    // Each push is the whole list and newer than any answer still on its way, which then changes nothing.
    let pushed = false;
    // Subscribed before asking, so a change made while the list is on its way is not lost.
    const unsubscribe = client.on(PUSHED_BY[channel] as EventName, (list: EventPayload<EventName>) => {
      if (!listening) return;
      pushed = true;
      show({ list: list as Item<C>[], error: null });
    });
    (client.call as (channel: C) => Promise<ResponseOf<C>>)(channel).then(
      (list) => {
        // The very answer the first render showed (`ready`) changes nothing.
        if (listening && !pushed && state.list !== list) show({ list: list as Item<C>[], error: null });
      },
      (error: unknown) => {
        if (listening && !pushed) show({ list: null, error: errorMessage(error) });
      },
    );
    return () => {
      listening = false;
      unsubscribe();
    };
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      stop ??= start();
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        stop?.();
        stop = undefined;
      };
    },
    snapshot: () => state,
  };
}
