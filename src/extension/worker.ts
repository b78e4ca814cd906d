// The service worker: one bridge client to the desktop, the frames' ports, the pairing page, and the
// `window.ethereum` script. MV3 wakes a worker for an event only if its listener was added in the first
// turn, so every listener is added before anything is awaited.
import { BridgeClient } from '../shared/bridge/bridgeClient';
import { browserName } from './browserName';
import { LinkState } from './linkState';
import { PAIRING_PORT } from './pairingMessages';
import { servePairingPage } from './pairingService';
import { pairingStore } from './pairingStore';
import { ProviderHub } from './providerHub';
import { PROVIDER_PORT } from './relay';
import { syncWindowEthereum } from './siteScripts';

const store = pairingStore(chrome.storage.local);
const client = new BridgeClient({
  WebSocket,
  name: browserName(navigator as Navigator & Parameters<typeof browserName>[0]),
  load: store.load,
  save: store.save,
});
const state = new LinkState(client, 'connecting');
const hub = new ProviderHub(client, state);
const extensionOrigin = new URL(chrome.runtime.getURL('')).origin;

chrome.runtime.onConnect.addListener((port) => {
  if (port.name === PROVIDER_PORT) hub.attach(port);
  else if (port.name === PAIRING_PORT) {
    servePairingPage(port, {
      client,
      state,
      extensionOrigin,
      desktopName: async () => (await store.load())?.desktopName ?? null,
    });
  } else port.disconnect();
});
chrome.action.onClicked.addListener(() => void chrome.runtime.openOptionsPage());

const showOnSites = (origins: readonly unknown[]) =>
  syncWindowEthereum(chrome.scripting, origins).catch((error: unknown) =>
    console.error('Ledgerline could not update the window.ethereum sites', error),
  );
client.onSites((origins) => void showOnSites(origins));
state.onChange((status) => {
  if (status === 'unpaired') void showOnSites([]);
});

void (async () => {
  if (!(await store.load())) return state.set('unpaired');
  // A failed resume reports `offline` and retries with backoff on its own.
  await client.connect().catch(() => undefined);
})();
