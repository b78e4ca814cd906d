import type { WalletSurface } from '../../shared/api/surface';
import { bridgeTransport, takeLaunchSecret } from './bridgeTransport';
import { createClient, type WalletClient } from './client';
import { electronTransport } from './electronTransport';

declare global {
  interface Window {
    /** Present only in Electron, where the preload exposes it. */
    wallet?: WalletSurface;
  }
}

export type Connection = { ok: true; client: WalletClient } | { ok: false; reason: 'missing-secret' };

/** Picks the transport the page was loaded with: Electron's preload, or the browser host's bridge. */
export function connect(win: Window): Connection {
  if (win.wallet) return { ok: true, client: createClient(electronTransport(win.wallet)) };
  const secret = takeLaunchSecret(win.location, win.sessionStorage, win.history);
  if (!secret) return { ok: false, reason: 'missing-secret' };
  return { ok: true, client: createClient(bridgeTransport(win.location.origin, secret)) };
}
