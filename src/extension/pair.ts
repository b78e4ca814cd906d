// The pairing page: the extension's options page, also opened by the toolbar button.
import { PAIRING_PORT } from './pairingMessages';
import { startPairPage } from './pairPage';

startPairPage(document, () => chrome.runtime.connect({ name: PAIRING_PORT }));
