import type { StorageArea } from './pairingStore';
import { matchPatternFor } from './siteScripts';

const KEY = 'windowEthereumSites';
/** Far more than anyone turns on by hand; the list is bounded like the desktop's. */
const MAX_SITES = 200;

/** The part of `chrome.storage` the worker listens to. */
export interface StorageChanges {
  addListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
}

/**
 * Sites where the user turned `window.ethereum` on in this browser, from the toolbar button on the site
 * itself. A dApp that looks for wallets only at `window.ethereum` cannot ask to connect before it sees one,
 * so this list cannot wait for a connection the way the desktop's list does. The origin comes from the tab
 * the browser reports, never from a page. A stored value of the wrong shape reads as empty.
 */
export function browserSites(area: Pick<StorageArea, 'get' | 'set'>) {
  const list = async (): Promise<string[]> => {
    const value = (await area.get(KEY))[KEY];
    return Array.isArray(value) ? value.filter(isServedOrigin).slice(0, MAX_SITES) : [];
  };
  return {
    key: KEY,
    list,
    async set(origin: string, on: boolean): Promise<string[]> {
      if (!isServedOrigin(origin)) throw new Error(`${origin} is not a site the provider runs on.`);
      const others = (await list()).filter((site) => site !== origin);
      const next = on ? [...others, origin].slice(-MAX_SITES) : others;
      await area.set({ [KEY]: next });
      return next;
    },
  };
}

/** An origin the provider script runs on: https, or http on localhost and 127.0.0.1. */
export function isServedOrigin(origin: unknown): origin is string {
  return typeof origin === 'string' && matchPatternFor(origin) !== null;
}

/** The origin a tab shows, when the provider runs there; from the tab's URL as the browser reports it. */
export function tabOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { origin } = new URL(url);
    return isServedOrigin(origin) ? origin : null;
  } catch {
    return null;
  }
}
