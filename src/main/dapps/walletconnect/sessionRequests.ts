import type { IWalletKit, WalletKitTypes } from '@reown/walletkit';
import type { Logger } from '../../log';
import type { DappGateway } from '../dappGateway';
import type { DappWallet } from '../dappWallet';
import { chainDisconnected, invalidRequest, toRpcError, unauthorized } from '../providerError';
import { grantFor, sessionScope } from './sessionNamespaces';
import type { WalletConnectSessionsRepository } from './walletConnectSessionsRepository';

/** Use is written at most this often per session, as for the extension's sites. */
const USE_PRECISION_MS = 60_000;

export interface RequestDeps {
  gateway: Pick<DappGateway, 'handle'>;
  wallet: Pick<DappWallet, 'accounts'>;
  sessions: WalletConnectSessionsRepository;
  log: Logger;
  now: () => number;
}

type SessionRequest = Pick<WalletKitTypes.SessionRequest, 'id' | 'topic' | 'params'>;

const notGranted = (chain: string) =>
  chainDisconnected(
    `This session was not granted the chain ${JSON.stringify(chain.slice(0, 40))}; connect again and grant it.`,
  );

/** What the gateway answers one request of a session, the session standing in for a connected site. */
async function outcomeOf(kit: IWalletKit, { topic, params }: SessionRequest, deps: RequestDeps) {
  const session = kit.getActiveSessions()[topic];
  const row = deps.sessions.get(topic);
  if (!session || !row) throw unauthorized('This session is no longer connected to the wallet.');
  const { method, params: methodParams } = (params?.request ?? {}) as { method?: unknown; params?: unknown };
  if (typeof method !== 'string') throw invalidRequest('The request names no method.');
  const grant = grantFor(row, sessionScope(session.namespaces), deps.wallet.accounts(), params.chainId);
  if (!grant) throw notGranted(String(params.chainId));
  const now = deps.now();
  if (now - row.lastUsedAt >= USE_PRECISION_MS) deps.sessions.used(topic, now);
  return deps.gateway.handle({ origin: row.origin, method, params: methodParams, session: grant });
}

/**
 * One request of a session: handed to the gateway as the extension's are (same methods, review, queue and
 * errors), on the chain the request names, which must be one the session was granted (4901 otherwise, as docs/WALLETCONNECT.md §5 says), and
 * answered with the result or the JSON-RPC error of the failure.
 */
export async function answerRequest(
  kit: IWalletKit,
  request: SessionRequest,
  deps: RequestDeps,
): Promise<void> {
  let response;
  try {
    response = { id: request.id, jsonrpc: '2.0' as const, result: await outcomeOf(kit, request, deps) };
  } catch (error) {
    // WalletConnect's type narrows `data` to a string; the wire carries whatever JSON the error holds.
    const rpcError = toRpcError(error) as { code: number; message: string; data?: string };
    response = { id: request.id, jsonrpc: '2.0' as const, error: rpcError };
  }
  try {
    await kit.respondSessionRequest({ topic: request.topic, response });
  } catch (error) {
    // The session ended, or the request expired, while the user looked at it: nobody is left to answer.
    deps.log.warn('walletconnect answer not delivered', {
      error: error instanceof Error ? error.message.slice(0, 200) : 'unknown',
    });
  }
}
