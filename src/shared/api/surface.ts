import type { Channel, EventName, EventPayload, RequestOf, ResponseOf } from './contract';
import type { Envelope } from './envelope';

type GroupOf<C extends string> = C extends `${infer G}.${string}` ? G : never;
type MethodOf<C extends string, G extends string> = C extends `${G}.${infer M}` ? M : never;

type CallFn<C extends Channel> =
  undefined extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<Envelope<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<Envelope<ResponseOf<C>>>;

/**
 * The typed surface the preload exposes as `window.wallet`: one method per declared channel, grouped, plus
 * one subscription per declared event. There is deliberately no generic send or invoke.
 */
export type WalletSurface = {
  [G in GroupOf<Channel>]: { [M in MethodOf<Channel, G>]: CallFn<`${G}.${M}` & Channel> };
} & {
  events: { [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void };
};

/** Splits `group.method` once; the contract's type already guarantees exactly one dot. */
export function splitChannel(channel: Channel): [group: string, method: string] {
  const dot = channel.indexOf('.');
  return [channel.slice(0, dot), channel.slice(dot + 1)];
}

/** The IPC channel name an event travels on, kept apart from call channels so neither can be confused. */
export function eventChannel(name: EventName): string {
  return `event:${name}`;
}
