import type { DappChannel } from '../../shared/dapps';
import type { MethodCall } from './dappSession';

export const EXTENSION: DappChannel = { kind: 'extension' };

/** How a request reached the wallet: the WalletConnect session it came through, or the extension. */
export function channelOf(call: Pick<MethodCall, 'grant'>): DappChannel {
  if (!call.grant) return EXTENSION;
  const { topic, name, verification } = call.grant;
  return { kind: 'walletconnect', topic, name, verification };
}

/**
 * Whose requests and batches these are: an extension site by its origin, a WalletConnect session by its
 * topic (a session is not the extension's site of the origin it claims), a proposal by the origin it claims.
 */
export function channelKey(origin: string, via: DappChannel): string {
  if (via.kind === 'extension') return origin;
  return via.topic === null ? `wc-proposal:${origin}` : `wc:${via.topic}`;
}
