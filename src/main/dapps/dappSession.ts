import type { DappRequestDetail } from '../../shared/dapps';
import type { SessionGrant } from './dappGateway';
import type { DappWallet } from './dappWallet';
import type { ConnectedSite } from './sites';

/** One provider request after its shape was checked: the origin is a valid site origin. */
export interface MethodCall {
  origin: string;
  method: string;
  params: unknown;
  /**
   * The site's live connection; undefined when it never connected, was revoked, or lapsed. For a
   * WalletConnect request, the session's grant as a site: its accounts, on the chain the request names.
   */
  site: ConnectedSite | undefined;
  /** The WalletConnect session the request came through; absent for the browser extension. */
  grant?: SessionGrant;
}

/** Answers one method: its result, or a ProviderError thrown (or rejected). */
export type MethodHandler = (call: MethodCall) => unknown;
export type MethodTable = Readonly<Record<string, MethodHandler>>;

/** What the method handlers may do with the service's state. */
export interface DappSession {
  wallet: DappWallet;
  /** Queues the request (or joins the same one still waiting, as a reloaded page sends it) for the user. */
  ask(call: MethodCall, detail: DappRequestDetail): Promise<unknown>;
  /** Moves a connected site to an enabled network and tells its pages. */
  switchChain(origin: string, chainId: number): void;
  /** Disconnects the site: its pages see `accountsChanged []`. */
  revoke(origin: string): void;
}
