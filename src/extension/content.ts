// The isolated world of every frame: the relay between the page's provider and the service worker.
import { PROVIDER_PORT, startRelay } from './relay';

startRelay(window, () => chrome.runtime.connect({ name: PROVIDER_PORT }));
