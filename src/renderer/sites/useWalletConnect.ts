import type { WalletConnectView } from '../../shared/walletConnect';
import { type LiveView, useLiveView } from '../session/useLiveView';

/** The relay link, the pairing in progress and the live sessions, from `walletconnect.changed`. */
export function useWalletConnect(): LiveView<WalletConnectView> {
  return useLiveView('walletconnect.view');
}
