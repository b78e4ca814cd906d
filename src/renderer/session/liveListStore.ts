import type { EventName, EventPayload, ResponseOf } from '../../shared/api/contract';
import type { WalletClient } from '../api/client';
import { errorMessage } from './errorMessage';

/** Lists main answers without a request, with the event that carries the whole list again on each change. */
const PUSHED_BY = {
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
  now: () => number = Date.now,
): LiveListStore<Item<C>> {
  let byChannel = stores.get(client);
  if (!byChannel) stores.set(client, (byChannel = new Map()));
  let store = byChannel.get(channel);
  if (!store) byChannel.set(channel, (store = createStore(client, channel, now)));
  return store as LiveListStore<Item<C>>;
}

/**
 * Within this long of the last ask, a component that mounts takes the list as it is: at launch the account
 * menu and the screen under it mount together and need one answer between them.
 */
export const ASKED_RECENTLY_MS = 5_000;

/**
 * Asked when its first component mounts and kept current from main's pushes while any is mounted; a component
 * that mounts later asks again unless the list was asked within ASKED_RECENTLY_MS, so a screen shows main's
 * list even if a push was lost (the browser host's socket reconnects after a sleep; pushes sent meanwhile are
 * gone). Once the last component has gone the store stops listening, showing the last list until it is next
 * asked.
 */
function createStore<C extends LiveChannel>(
  client: WalletClient,
  channel: C,
  now: () => number,
): LiveListStore<Item<C>> {
  // What the page asked for as it started, when it is in: the first render shows it at once (firstCalls.ts).
  let state: LiveList<Item<C>> = {
    list: (client.ready?.(channel) as Item<C>[] | undefined) ?? null,
    error: null,
  };
  const listeners = new Set<() => void>();
  let listening = false;
  let unsubscribe: (() => void) | undefined;
  // Each push is the whole list and newer than any answer still on its way, which then changes nothing; the
  // same goes for an answer to an ask that a later ask overtook.
  let pushes = 0;
  let asks = 0;
  let askedAt = Number.NEGATIVE_INFINITY;
  const show = (next: LiveList<Item<C>>) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };
  const ask = () => {
    askedAt = now();
    const thisAsk = ++asks;
    const pushesBefore = pushes;
    const current = () => listening && thisAsk === asks && pushes === pushesBefore;
    (client.call as (channel: C) => Promise<ResponseOf<C>>)(channel).then(
      (list) => {
        // The very answer the first render showed (`ready`) changes nothing.
        if (current() && state.list !== list) show({ list: list as Item<C>[], error: null });
      },
      (error: unknown) => {
        if (current()) show({ list: null, error: errorMessage(error) });
      },
    );
  };
  const start = () => {
    listening = true;
    // Subscribed before asking, so a change made while the list is on its way is not lost.
    unsubscribe = client.on(PUSHED_BY[channel] as EventName, (list: EventPayload<EventName>) => {
      if (!listening) return;
      pushes++;
      show({ list: list as Item<C>[], error: null });
    });
    ask();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!listening) start();
      else if (now() - askedAt >= ASKED_RECENTLY_MS) ask();
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        listening = false;
        unsubscribe?.();
        unsubscribe = undefined;
      };
    },
    snapshot: () => state,
  };
}
