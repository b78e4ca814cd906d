import type { dappsCalls } from '../../../shared/api/calls/dapps';
import type { BrowsersView } from '../../../shared/dapps';
import type { FamilyHandlers } from '../../api/router';

type BrowsersCalls = Pick<
  typeof dappsCalls,
  | 'browsers.status'
  | 'browsers.startPairing'
  | 'browsers.confirmPairing'
  | 'browsers.cancelPairing'
  | 'browsers.revoke'
>;
export type BrowsersHandlers = FamilyHandlers<BrowsersCalls>;

/** What the `browsers.*` calls ask of the bridge; each answers with the view after the change. */
export interface Browsers {
  status(): BrowsersView;
  startPairing(): Promise<BrowsersView>;
  confirmPairing(id: string, matches: boolean): Promise<BrowsersView>;
  cancelPairing(id: string): BrowsersView;
  revoke(id: string): BrowsersView;
}

export function browsersHandlers(browsers: Browsers): BrowsersHandlers {
  return {
    'browsers.status': () => browsers.status(),
    'browsers.startPairing': () => browsers.startPairing(),
    'browsers.confirmPairing': ({ id, matches }) => browsers.confirmPairing(id, matches),
    'browsers.cancelPairing': ({ id }) => browsers.cancelPairing(id),
    'browsers.revoke': ({ id }) => browsers.revoke(id),
  };
}
