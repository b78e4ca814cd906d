import type { Channel, EventName, ResponseOf } from '../../shared/api/contract';
import type { WalletClient } from '../api/client';
import type { RouteId } from '../routing/routes';
import { parseHash } from '../routing/useHashRoute';
import type { QueryChannel } from './useCallResult';

/** A call made before any screen asks for it, and the pushes after which its answer may be older than main. */
export interface FirstCall {
  channel: QueryChannel;
  staleAfter: readonly EventName[];
}

/**
 * What the shell asks for before it can show anything (useWalletSession), then what the console around every
 * screen shows: the sync pill, the devices the signing prompts watch, and the sites' waiting requests.
 */
const SESSION_CALLS: readonly FirstCall[] = [
  { channel: 'app.info', staleAfter: [] },
  { channel: 'chains.list', staleAfter: ['chains.changed'] },
  { channel: 'settings.get', staleAfter: ['settings.changed'] },
  { channel: 'sync.status', staleAfter: ['sync.changed'] },
  { channel: 'devices.list', staleAfter: ['devices.changed'] },
  { channel: 'dapps.requests', staleAfter: ['dapps.requestsChanged'] },
];

/**
 * What a screen's first render asks for, with the pushes its hooks act on (usePortfolio, useLiveList,
 * useValueHistory): a push that lands before the hook has subscribed would otherwise be missed.
 */
const SCREEN_CALLS: Partial<Record<RouteId, readonly FirstCall[]>> = {
  portfolio: [
    { channel: 'accounts.list', staleAfter: ['accounts.changed'] },
    { channel: 'portfolio.get', staleAfter: ['portfolio.progress', 'accounts.changed', 'chains.status'] },
    {
      channel: 'portfolio.valueHistory',
      staleAfter: ['portfolio.progress', 'accounts.changed', 'chains.status', 'settings.changed'],
    },
  ],
};

/** The first calls of a page opened at `hash`: the session's, and those of the screen it names. */
export function firstCallsAt(hash: string): readonly FirstCall[] {
  const location = parseHash(hash);
  const screen = location.kind === 'route' ? (SCREEN_CALLS[location.route.id] ?? []) : [];
  return [...SESSION_CALLS, ...screen];
}

/** A screen that has not asked by then is not the one on view; its answer would only grow older. */
export const FIRST_CALL_KEEP_MS = 10_000;

/**
 * Sends `calls` at once, as the page starts, where they went out one render after another before: the
 * session's, then the first screen's once the session had answered and the screen had rendered. The client
 * returned hands each answer to the first caller of its channel, once, and shows it to first renders (`ready`)
 * until then; a later caller asks main, as does a first caller after a push in `staleAfter` has landed or after
 * FIRST_CALL_KEEP_MS.
 */
export function withFirstCalls(client: WalletClient, calls: readonly FirstCall[]): WalletClient {
  const waiting = new Map<Channel, Promise<unknown>>();
  const answered = new Map<Channel, unknown>();
  const unsubscribe: (() => void)[] = [];
  const expiry = setTimeout(() => {
    for (const channel of [...waiting.keys()]) forget(channel);
  }, FIRST_CALL_KEEP_MS);
  const forget = (channel: Channel) => {
    waiting.delete(channel);
    answered.delete(channel);
    if (waiting.size > 0) return;
    clearTimeout(expiry);
    for (const off of unsubscribe.splice(0)) off();
  };
  for (const { channel, staleAfter } of calls) {
    // Subscribed before asking, so no push can slip in between the question and the watch.
    for (const event of staleAfter) unsubscribe.push(client.on(event, () => forget(channel)));
    const answer = (client.call as (channel: QueryChannel) => Promise<unknown>)(channel);
    waiting.set(channel, answer);
    answer.then(
      (value) => {
        if (waiting.get(channel) === answer) answered.set(channel, value);
      },
      // The caller that takes a failed answer sees its error; one never taken must not surface as unhandled.
      () => undefined,
    );
  }
  const all = Promise.allSettled(waiting.values()).then(() => undefined);

  return {
    call(channel, ...args) {
      const answer = args[0] === undefined ? waiting.get(channel) : undefined;
      if (!answer) return client.call(channel, ...args);
      forget(channel);
      return answer as ReturnType<typeof client.call<typeof channel>>;
    },
    on: (name, listener) => client.on(name, listener),
    ready: <C extends Channel>(channel: C) => answered.get(channel) as ResponseOf<C> | undefined,
    firstAnswers: () => all,
  };
}

/**
 * `client` with its first answers settled only once the first screen's code is in as well, so that the
 * console's first render, which waits for them (useWalletSession), never renders the screen before its chunk.
 * Rendered without it, the screen suspends, and React then holds its reveal until 300 ms after the placeholder
 * painted (Suspense's throttling of fallbacks): when the answers won the race with the chunk by a few
 * milliseconds, the portfolio painted some 300 ms late. A chunk that fails to load is the screen's to report.
 */
export function withFirstScreenCode(client: WalletClient, code: Promise<unknown>): WalletClient {
  const { firstAnswers } = client;
  if (!firstAnswers) return client;
  const loaded = code.then(
    () => undefined,
    () => undefined,
  );
  return { ...client, firstAnswers: () => Promise.all([firstAnswers(), loaded]).then(() => undefined) };
}
