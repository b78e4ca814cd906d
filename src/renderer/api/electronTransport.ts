import type { Channel, EventName } from '../../shared/api/contract';
import { splitChannel, type WalletSurface } from '../../shared/api/surface';
import type { Envelope } from '../../shared/api/envelope';
import type { Transport } from './transport';

type LooseSurface = Record<string, Record<string, (payload: unknown) => Promise<Envelope<unknown>>>>;
type LooseEvents = Record<string, (listener: (payload: unknown) => void) => () => void>;

/** Adapts the preload's typed `window.wallet` surface; the types already guarantee every channel is there. */
export function electronTransport(surface: WalletSurface): Transport {
  const calls = surface as unknown as LooseSurface;
  const events = surface.events as unknown as LooseEvents;
  return {
    invoke(channel: Channel, payload: unknown) {
      const [group, method] = splitChannel(channel);
      const call = calls[group]?.[method];
      if (!call) return Promise.reject(new Error(`the preload does not expose ${channel}`));
      return call(payload);
    },
    subscribe(name: EventName, listener) {
      const on = events[name];
      if (!on) throw new Error(`the preload does not expose the ${name} event`);
      return on(listener);
    },
  };
}
