import type { Channel, EventName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/envelope';

/** What the client needs from a way of reaching main: Electron's preload or the browser host's bridge. */
export interface Transport {
  invoke(channel: Channel, payload: unknown): Promise<Envelope<unknown>>;
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
}
