import type { BrowsersView } from '../../shared/dapps';
import { type LiveView, useLiveView } from '../session/useLiveView';

/** The extension bridge, a browser pairing in progress and the paired browsers, from `browsers.changed`. */
export function useBrowsers(): LiveView<BrowsersView> {
  return useLiveView('browsers.status');
}
