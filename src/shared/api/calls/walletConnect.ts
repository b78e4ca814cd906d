import {
  PairWalletConnect,
  PairWalletConnectImage,
  WalletConnectSessionRef,
  WalletConnectView,
} from '../../walletConnect';
import { NoRequest, type CallFamily, type EventFamily } from './spec';

/**
 * dApps through WalletConnect v2: the relay link, pairing, and the sessions. A session's proposal and its
 * requests wait in the same queue as the extension's (`dapps.requests`) and are answered through `dapps.*`.
 */
export const walletConnectCalls = {
  'walletconnect.view': { request: NoRequest, response: WalletConnectView },
  /** Pairs with a pasted `wc:` URI; the dApp's proposal then arrives in `dapps.requests`. */
  'walletconnect.pair': { request: PairWalletConnect, response: WalletConnectView },
  /**
   * Pairs from the system clipboard, read in main (the page may not read it): a `wc:` link as text, or a QR
   * code in an image. Refused in words where the host cannot read the clipboard (the browser host).
   */
  'walletconnect.pairClipboard': { request: NoRequest, response: WalletConnectView },
  /** Reads a `wc:` URI from a QR code in the image (a screen region the user picked), then pairs. */
  'walletconnect.pairImage': { request: PairWalletConnectImage, response: WalletConnectView },
  /** Ends the session on both sides at once; its waiting requests are answered 4900 (disconnected). */
  'walletconnect.disconnect': { request: WalletConnectSessionRef, response: WalletConnectView },
} as const satisfies CallFamily;

export const walletConnectEvents = {
  'walletconnect.changed': WalletConnectView,
} as const satisfies EventFamily;
