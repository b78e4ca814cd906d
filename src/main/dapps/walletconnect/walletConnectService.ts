import type { IWalletKit, WalletKitTypes } from '@reown/walletkit';
import type { ICore, IKeyChain } from '@walletconnect/types';
import { getSdkError } from '@walletconnect/utils';
import { ApiError } from '../../../shared/api/envelope';
import type { Settings } from '../../../shared/settings';
import type { WalletConnectStatus, WalletConnectView } from '../../../shared/walletConnect';
import type { EventHub } from '../../api/events';
import { logFailure, type Logger } from '../../log';
import type { DappGateway } from '../dappGateway';
import type { DappWallet } from '../dappWallet';
import { PairingTracker } from './pairingTracker';
import { type RelayState, watchRelay } from './relayLink';
import { caipChain } from './caip';
import { answerProposal } from './sessionProposals';
import { answerRequest } from './sessionRequests';
import { sessionAccounts, sessionScope, withAddresses } from './sessionNamespaces';
import { openWalletKit } from './walletConnectClient';
import type { WalletConnectSessionsRepository } from './walletConnectSessionsRepository';
import type { KeyValueStorage } from './walletConnectStore';
import type { VerifyLookup } from './walletConnectVerify';
import { sessionViews } from './walletConnectViews';

export interface WalletConnectServiceDeps {
  settings: { get(): Settings };
  events: EventHub;
  log: Logger;
  gateway: Pick<DappGateway, 'handle' | 'propose' | 'sessionEnded'>;
  wallet: Pick<DappWallet, 'accounts' | 'chain'>;
  sessions: WalletConnectSessionsRepository;
  storage: KeyValueStorage;
  keychain: IKeyChain;
  /** Requests of a session waiting for the user. */
  pending: (topic: string) => number;
  /** A pasted `wc:` link, checked; throws an ApiError in words. */
  parseUri: (text: string) => string;
  verify?: (core: ICore) => VerifyLookup;
  now: () => number;
  proposalWaitMs?: number;
}

const NEEDS_PROJECT_ID = 'Enter a WalletConnect project id in Settings › WalletConnect to connect dApps.';

interface Running {
  kit: IWalletKit;
  relay: ReturnType<typeof watchRelay>;
  detach: () => void;
}

/** Pairing's failure in the user's words; the library's text may quote the link (and its key). */
function pairFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : '';
  if (/exist|already/i.test(text))
    return 'This link was used already. Make a new one in the dApp and try again.';
  if (/expired/i.test(text)) return 'This link expired. Make a new one in the dApp and try again.';
  return 'The wallet could not pair with this link. Make a new one in the dApp and try again.';
}

/**
 * WalletConnect as a way into the dApp connection service: the WalletKit client (started from the settings,
 * and again whenever its relay or project id change), the relay link's status, pairing, and the sessions.
 * Proposals and requests go to the same gateway the browser extension's do.
 */
export class WalletConnectService {
  private running: Running | null = null;
  private status: WalletConnectStatus;
  private configured = '';
  /** Starts and stops one at a time, in call order. */
  private lifecycle: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly pairing: PairingTracker;

  constructor(private readonly deps: WalletConnectServiceDeps) {
    this.pairing = new PairingTracker(() => this.changed(), deps.now, deps.proposalWaitMs);
    this.status = {
      state: 'needs-project-id',
      relayUrl: deps.settings.get().walletConnectRelayUrl,
      error: null,
    };
  }

  start(): Promise<void> {
    return this.serially(() => this.open());
  }

  /** Stops listening at once (the database closes right after); the relay's socket closes in a moment. */
  close(): Promise<void> {
    this.closed = true;
    const running = this.detach();
    return this.serially(() => closeRelay(running));
  }

  /** Restarts the client when its relay or project id changed; Verify's switch is read at each lookup. */
  settingsChanged(): Promise<void> {
    if (this.closed || configKey(this.deps.settings.get()) === this.configured) return this.lifecycle;
    return this.serially(async () => {
      await this.shut();
      await this.open();
    });
  }

  view(): WalletConnectView {
    const active = this.running?.kit.getActiveSessions() ?? {};
    return {
      status: this.status,
      pairing: this.pairing.view(),
      sessions: sessionViews(active, this.deps.sessions.list(), this.deps),
    };
  }

  async pair(text: string): Promise<WalletConnectView> {
    const uri = this.deps.parseUri(text);
    const running = this.running;
    if (!running) throw new ApiError('invalid_state', this.status.error ?? NEEDS_PROJECT_ID);
    if (this.status.state !== 'online') {
      // Pairing needs the relay. Say why not at once; an offline link is tried again meanwhile, since with no
      // session yet nothing else would.
      const why =
        this.status.error ?? 'WalletConnect is still connecting to the relay. Try again in a moment.';
      if (this.status.state === 'offline') running.relay.open().catch(() => undefined);
      throw new ApiError('invalid_state', why);
    }
    this.pairing.started();
    try {
      await running.kit.pair({ uri });
    } catch (error) {
      logFailure(this.deps.log, 'walletconnect pairing failed', error);
      this.pairing.failed(pairFailure(error));
    }
    return this.view();
  }

  /** Ends the session on both sides at once. */
  async disconnect(topic: string): Promise<WalletConnectView> {
    const running = this.running;
    if (!running?.kit.getActiveSessions()[topic] || !this.deps.sessions.get(topic))
      throw new ApiError('not_found', 'That WalletConnect session is no longer connected.');
    await this.end(running.kit, topic);
    return this.view();
  }

  /** Every session ends (the user revoked every connection). */
  async disconnectAll(): Promise<void> {
    const running = this.running;
    if (!running) return;
    for (const topic of Object.keys(running.kit.getActiveSessions())) await this.end(running.kit, topic);
  }

  /**
   * Accounts removed from the wallet leave every session they were granted to, and the dApp hears
   * `accountsChanged`; a session left with no account is disconnected.
   */
  async accountsChanged(): Promise<void> {
    const kit = this.running?.kit;
    if (!kit) return;
    const accounts = this.deps.wallet.accounts();
    for (const session of Object.values(kit.getActiveSessions())) {
      const scope = sessionScope(session.namespaces);
      const kept = sessionAccounts(scope, accounts).map((account) => account.address);
      if (kept.length === scope.addresses.length) continue;
      try {
        if (kept.length === 0) {
          await this.end(kit, session.topic);
          continue;
        }
        await kit.updateSession({
          topic: session.topic,
          namespaces: withAddresses(session.namespaces, kept),
        });
        const chainId = caipChain(scope.chainIds[0] ?? 1);
        await kit.emitSessionEvent({
          topic: session.topic,
          event: { name: 'accountsChanged', data: kept },
          chainId,
        });
      } catch (error) {
        logFailure(this.deps.log, 'walletconnect session update failed', error);
      }
    }
    this.changed();
  }

  /** Something the view shows changed (a request of a session was queued or answered). */
  changed(): void {
    if (!this.closed) this.deps.events.emit('walletconnect.changed', this.view());
  }

  private serially(step: () => Promise<void>): Promise<void> {
    this.lifecycle = this.lifecycle.then(step, step);
    return this.lifecycle;
  }

  private async open(): Promise<void> {
    if (this.closed) return;
    const settings = this.deps.settings.get();
    this.configured = configKey(settings);
    const relayUrl = settings.walletConnectRelayUrl;
    const projectId = settings.walletConnectProjectId;
    if (projectId === null) return this.setStatus({ state: 'needs-project-id', relayUrl, error: null });
    this.setStatus({ state: 'connecting', relayUrl, error: null });
    try {
      const kit = await openWalletKit({
        relayUrl,
        projectId,
        storage: this.deps.storage,
        keychain: this.deps.keychain,
        log: this.deps.log,
        verify: this.deps.verify,
        verifyEnabled: () => this.deps.settings.get().walletConnectVerify,
      });
      if (this.closed) return await closeRelay({ kit });
      const relay = watchRelay(kit.core, relayUrl, (state) => this.relayChanged(relayUrl, state));
      this.running = { kit, relay, detach: this.listen(kit) };
      this.forgetLapsed(kit);
      // The relay's answer comes through its events; a failure is in the status already.
      // Requests WalletKit still held from before the restart need nothing here: sign-client emits them
      // again as `session_request` once it has started, one at a time, as it does every request.
      relay.open().catch(() => undefined);
    } catch (error) {
      logFailure(this.deps.log, 'walletconnect could not start', error);
      const reason = error instanceof Error ? error.message : String(error);
      this.setStatus({
        state: 'offline',
        relayUrl,
        error: `WalletConnect could not start: ${reason}`.slice(0, 300),
      });
    }
  }

  private shut(): Promise<void> {
    return closeRelay(this.detach());
  }

  private detach(): Running | null {
    this.pairing.stop();
    const running = this.running;
    this.running = null;
    running?.detach();
    running?.relay.stop();
    running?.kit.core.heartbeat.stop();
    return running;
  }

  private listen(kit: IWalletKit): () => void {
    const onProposal = (event: WalletKitTypes.SessionProposal) => {
      this.pairing.proposed();
      answerProposal(kit, event, { ...this.deps, changed: () => this.changed() }).catch((error: unknown) =>
        logFailure(this.deps.log, 'walletconnect proposal failed', error),
      );
    };
    const onRequest = (event: WalletKitTypes.SessionRequest) => void this.request(kit, event);
    const onDelete = ({ topic }: { topic: string }) => this.ended(topic);
    const onExpire = ({ id }: { id: number }) => this.deps.log.info('walletconnect proposal expired', { id });
    const signClient = kit.engine.signClient;
    kit.on('session_proposal', onProposal);
    kit.on('session_request', onRequest);
    kit.on('session_delete', onDelete);
    kit.on('proposal_expire', onExpire);
    signClient.events.on('session_expire', onDelete);
    return () => {
      kit.off('session_proposal', onProposal);
      kit.off('session_request', onRequest);
      kit.off('session_delete', onDelete);
      kit.off('proposal_expire', onExpire);
      signClient.events.off('session_expire', onDelete);
    };
  }

  private request(kit: IWalletKit, request: Parameters<typeof answerRequest>[1]): Promise<void> {
    return answerRequest(kit, request, this.deps).catch((error: unknown) =>
      logFailure(this.deps.log, 'walletconnect request failed', error),
    );
  }

  /** Rows of sessions that lapsed or were deleted while the wallet was closed. */
  private forgetLapsed(kit: IWalletKit): void {
    const active = kit.getActiveSessions();
    for (const row of this.deps.sessions.list()) if (!active[row.topic]) this.ended(row.topic);
  }

  private async end(kit: IWalletKit, topic: string): Promise<void> {
    try {
      await kit.disconnectSession({ topic, reason: getSdkError('USER_DISCONNECTED') });
    } catch (error) {
      // The dApp is told when the relay carries it; the wallet forgets the session now either way.
      logFailure(this.deps.log, 'walletconnect disconnect not delivered', error);
    }
    this.ended(topic);
  }

  private ended(topic: string): void {
    this.deps.sessions.remove(topic);
    this.deps.gateway.sessionEnded(topic);
    this.changed();
  }

  private relayChanged(relayUrl: string, state: RelayState): void {
    if (this.closed || this.status.relayUrl !== relayUrl) return;
    this.setStatus({ relayUrl, error: state.state === 'offline' ? state.error : null, state: state.state });
  }

  private setStatus(status: WalletConnectStatus): void {
    this.status = status;
    this.changed();
  }
}

async function closeRelay(running: Pick<Running, 'kit'> | null): Promise<void> {
  running?.kit.core.heartbeat.stop();
  await running?.kit.core.relayer.transportClose().catch(() => undefined);
}

const configKey = (settings: Settings) =>
  `${settings.walletConnectRelayUrl} ${settings.walletConnectProjectId ?? ''}`;
