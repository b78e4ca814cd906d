import { events, type EventName, type EventPayload } from '../../shared/api/contract';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface EventHub {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Returns the unsubscribe function, so a closed window or socket can detach itself. */
  subscribe(listener: EventListener): () => void;
}

/**
 * Fans events out to every transport (Electron windows, bridge sockets). Payloads are validated against the
 * contract before they leave main, for the same reason responses are: the renderer trusts their shape.
 */
export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      const checked = events[name].parse(payload) as EventPayload<typeof name>;
      for (const listener of listeners) listener(name, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
