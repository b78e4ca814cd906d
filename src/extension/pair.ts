// The extension's page: pairing, and window.ethereum per site. Its options page; the toolbar button opens it
// too, for the site it was pressed on.
import { browserSites } from './browserSites';
import { PAIRING_PORT } from './pairingMessages';
import { startPairPage } from './pairPage';
import { startSitesSection } from './sitesSection';

startPairPage(document, () => chrome.runtime.connect({ name: PAIRING_PORT }));
void startSitesSection(document, browserSites(chrome.storage.local), location.hash);
