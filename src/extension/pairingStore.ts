import type { PairedDesktop } from '../shared/bridge/bridgeClient';

/** The part of `chrome.storage.local` the store uses. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const KEY = 'pairedDesktop';
const HEX = /^[0-9a-f]+$/;

/**
 * The pairing in the browser profile's extension storage. It holds this browser's static key and the
 * resume psk, the secrets that let it reconnect as the paired browser; the profile is what protects them
 * (the README says so). A stored value of the wrong shape reads as unpaired.
 */
export function pairingStore(area: StorageArea) {
  return {
    async load(): Promise<PairedDesktop | null> {
      const value = (await area.get(KEY))[KEY];
      return isPairing(value) ? value : null;
    },
    async save(pairing: PairedDesktop | null): Promise<void> {
      if (pairing) await area.set({ [KEY]: pairing });
      else await area.remove(KEY);
    },
  };
}

function isPairing(value: unknown): value is PairedDesktop {
  if (typeof value !== 'object' || value === null) return false;
  const pairing = value as Record<string, unknown>;
  const hex = ['desktopKey', 'browserKey', 'browserId', 'resumePsk'].every(
    (field) => typeof pairing[field] === 'string' && HEX.test(pairing[field]),
  );
  return hex && Number.isInteger(pairing.port) && typeof pairing.desktopName === 'string';
}
