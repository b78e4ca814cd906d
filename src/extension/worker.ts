// The service worker: one bridge client to the desktop, the frames' ports, the pairing page, and the
// `window.ethereum` script. MV3 wakes a worker for an event only if its listener was added in the first
// turn, so every listener is added before anything is awaited.
import { BridgeClient } from '../shared/bridge/bridgeClient';
import { browserName } from './browserName';
import { browserSites, tabOrigin } from './browserSites';
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
// On a site, the button opens the page for that site (its origin from the tab, as the browser reports it);
// `activeTab` lets the worker read the tab's URL for this one click only.
chrome.action.onClicked.addListener((tab) => {
  const origin = tabOrigin(tab.url);
  if (!origin) return void chrome.runtime.openOptionsPage();
  void chrome.tabs.create({
    url: `${chrome.runtime.getURL('pair.html')}#site=${encodeURIComponent(origin)}`,
  });
});

// window.ethereum runs on the sites the desktop lists (connected sites the user turned it on for) and on those
// turned on in this browser. The user's own picks come first, so the bound never cuts them. One update at a
// time: two registrations of the same script at once would collide.
const sites = browserSites(chrome.storage.local);
let desktopSites: readonly unknown[] = [];
let syncing: Promise<unknown> = Promise.resolve();
const showOnSites = () => {
  syncing = syncing
    .then(async () => syncWindowEthereum(chrome.scripting, [...(await sites.list()), ...desktopSites]))
    .catch((error: unknown) => console.error('Ledgerline could not update the window.ethereum sites', error));
};
client.onSites((origins) => {
  desktopSites = origins;
  showOnSites();
});
state.onChange((status) => {
  if (status !== 'unpaired') return;
  desktopSites = [];
  showOnSites();
});
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && sites.key in changes) showOnSites();
});

void (async () => {
  if (!(await store.load())) return state.set('unpaired');
  // A failed resume reports `offline` and retries with backoff on its own.
  await client.connect().catch(() => undefined);
})();
