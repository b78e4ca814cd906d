import { ApiError } from '../../shared/api/envelope';
import type { DappApproval, DappRequestView, DappReview, SiteView } from '../../shared/dapps';
import type { Finding } from '../../shared/review';
import type { EventHub } from '../api/events';
import type { Logger } from '../log';
import { isBlocked } from '../review/findings/collectFindings';
import type { BrowserLink } from './bridge/browserLink';
import { approveChain, chainMethods } from './chainMethods';
import { channelOf } from './dappChannel';
import type { DappGateway, ProviderRequest, SessionApproval, SessionProposal } from './dappGateway';
import type { DappSession, MethodCall } from './dappSession';
import { requestViews, siteViews, type ViewSources } from './dappsViews';
import { chosenAccounts, connectedAnswer, permissionMethods, siteAddresses } from './permissions';
import { disconnected, limitExceeded, ProviderError, unauthorized, userRejected } from './providerError';
import { ProviderMethods } from './providerMethods';
import { toHexChainId } from './providerParams';
import { readMethods } from './readMethods';
import type { QueuedRequest } from './requestQueue';
import { approveSession, PROPOSAL_METHOD, proposalRequest } from './proposalApproval';
import { signingMethods } from './signingMethods';
import type { DappSigning } from './signingRequests';
import { type RateLimit, SiteLimits } from './siteLimits';
import { walletConnectMethods } from './walletConnectMethods';
import { approveWatchAsset, watchAssetMethods } from './watchAsset';

export interface DappsServiceOptions extends ViewSources {
  signing: DappSigning;
  events: EventHub;
  log: Logger;
  now: () => number;
  /** How the endpoint a site proposes is asked for its chain id (the app's fetch, behind its proxy). */
  fetch: typeof fetch;
  probeTimeoutMs?: number;
  rate?: RateLimit;
}

interface Waiter {
  resolve(result: unknown): void;
  reject(error: ProviderError): void;
}

/** Pages of one site re-sending the same request (reloads) wait on it together, up to this many. */
const MAX_WAITERS = 8;
const SIGNING_KINDS = new Set(['transaction', 'message', 'typed-data', 'calls']);

const beingCarriedOut = () =>
  new ApiError('invalid_state', 'That request is being carried out already; wait for it to finish.');
const notWaiting = () =>
  new ApiError('not_found', 'That request is no longer waiting; the site may have withdrawn it.');
const overrideNeeded = () =>
  new ApiError('invalid_request', 'A finding about this dApp blocks approval until you say to go on anyway.');

/**
 * The dApp connection service: sites' sessions, their requests waiting for the user, and the answers that
 * go back to the pages. The bridge and the WalletConnect module hand it every request and proposal (as the
 * DappGateway); the renderer answers the queue through `dapps.*`; pages hear of changes through the
 * BrowserLink (WalletConnect sessions are told by their module).
 */
export class DappsService implements DappGateway {
  private link: BrowserLink = { emit() {}, sitesChanged() {} };
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly approving = new Set<string>();
  private readonly methods: ProviderMethods;
  private readonly session: DappSession;

  constructor(private readonly options: DappsServiceOptions) {
    const { wallet, sites, signing, log, now } = options;
    this.session = {
      wallet,
      ask: (call, detail) => this.ask(call, detail),
      switchChain: (origin, chainId) => this.switchChain(origin, chainId),
      revoke: (origin) => void this.revoke(origin),
    };
    const table = {
      ...permissionMethods(this.session),
      ...chainMethods(this.session, { fetch: options.fetch, probeTimeoutMs: options.probeTimeoutMs }),
      ...readMethods(this.session),
      ...watchAssetMethods(this.session),
      ...signingMethods(this.session, signing),
    };
    this.methods = new ProviderMethods({
      table,
      walletConnectTable: walletConnectMethods(table),
      sites,
      limits: new SiteLimits(now, options.rate),
      log,
    });
  }

  /** The bridge is built after the service it hands requests to; until then no page can hear anything. */
  attach(link: BrowserLink): void {
    this.link = link;
  }

  handle(request: ProviderRequest): Promise<unknown> {
    return this.methods.handle(request);
  }

  windowEthereumOrigins(): string[] {
    return this.options.sites.windowEthereumOrigins();
  }

  /** Async so a refusal (malformed, too many waiting) is a rejection, as the gateway promises. */
  async propose(proposal: SessionProposal): Promise<SessionApproval> {
    const { origin, detail, via } = proposalRequest(proposal);
    // Never joined with another: each proposal is its own, answered to its own pairing.
    const request = this.options.queue.add(origin, PROPOSAL_METHOD, null, detail, via);
    this.changed({ requests: true });
    return (await this.wait(request)) as SessionApproval;
  }

  sessionEnded(topic: string): void {
    const dropped = this.options.queue.removeSession(topic);
    for (const request of dropped)
      this.answer(request.id, { error: disconnected('The WalletConnect session ended.') });
    if (dropped.length > 0) this.changed({ requests: true });
  }

  sites(): SiteView[] {
    return siteViews(this.options);
  }

  requests(): DappRequestView[] {
    return requestViews(this.options);
  }

  review(id: string): Promise<DappReview> {
    const request = this.options.queue.get(id);
    if (!request) throw notWaiting();
    if (!SIGNING_KINDS.has(request.detail.type)) {
      throw new ApiError('invalid_request', 'Only a request to sign has a review.');
    }
    return this.options.signing.review(request);
  }

  /**
   * Carries out what the user approved and answers the site. A refusal the site should hear (a ProviderError)
   * settles the request; any other failure (a device not connected) leaves it waiting, for another try.
   */
  async approve(approval: DappApproval): Promise<null> {
    const request = this.options.queue.get(approval.id);
    if (!request) throw notWaiting();
    if (this.approving.has(request.id)) throw beingCarriedOut();
    const findings = this.options.siteFindings(request.origin, request.via);
    checkFields(request, approval, findings);
    if (isBlocked(findings, approval.allowRevert === true)) throw overrideNeeded();
    this.approving.add(request.id);
    try {
      this.settle(request, { result: await this.carryOut(request, approval) });
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      this.settle(request, { error });
    } finally {
      this.approving.delete(request.id);
    }
    return null;
  }

  reject(id: string): null {
    const request = this.options.queue.get(id);
    if (!request) throw notWaiting();
    if (this.approving.has(id)) throw beingCarriedOut();
    this.settle(request, { error: userRejected() });
    return null;
  }

  /** The site sees `accountsChanged []` at once and gets 4100 until it connects again. */
  revoke(origin: string): null {
    const { sites, queue } = this.options;
    const windowEthereum = sites.windowEthereumOrigins().includes(origin);
    const wasConnected = sites.revoke(origin);
    const dropped = queue.removeOrigin(origin);
    for (const request of dropped)
      this.answer(request.id, { error: unauthorized('The user disconnected this site.') });
    if (wasConnected) this.link.emit(origin, 'accountsChanged', []);
    if (windowEthereum) this.link.sitesChanged(this.windowEthereumOrigins());
    if (wasConnected || dropped.length > 0) this.changed({ requests: dropped.length > 0 });
    return null;
  }

  revokeAll(): null {
    const { sites, queue } = this.options;
    const waiting = queue.list().filter((request) => request.via.kind === 'extension');
    const origins = new Set([...sites.list().map((row) => row.origin), ...waiting.map((r) => r.origin)]);
    for (const origin of origins) this.revoke(origin);
    return null;
  }

  setWindowEthereum(origin: string, on: boolean): SiteView {
    const { sites } = this.options;
    if (!sites.connected(origin))
      throw new ApiError('not_found', `${origin} is not connected to the wallet.`);
    sites.setWindowEthereum(origin, on);
    this.link.sitesChanged(this.windowEthereumOrigins());
    this.changed({ requests: false });
    return this.sites().find((site) => site.origin === origin) as SiteView;
  }

  /**
   * Accounts removed from the wallet leave every site they were exposed to; a site left with none is
   * disconnected.
   */
  accountsChanged(): void {
    const { sites, wallet } = this.options;
    const existing = new Set(wallet.accounts().map((account) => account.id));
    let changed = false;
    for (const row of sites.list()) {
      const kept = row.accountIds.filter((id) => existing.has(id));
      if (kept.length === row.accountIds.length) continue;
      sites.setAccounts(row.origin, kept);
      const site = sites.connected(row.origin);
      this.link.emit(row.origin, 'accountsChanged', site ? siteAddresses(wallet, site) : []);
      changed = true;
    }
    if (changed) this.changed({ requests: false });
  }

  private ask(call: MethodCall, detail: QueuedRequest['detail']): Promise<unknown> {
    const { queue } = this.options;
    const via = channelOf(call);
    let request = queue.matching(call.origin, call.method, call.params, via);
    if (!request) {
      request = queue.add(call.origin, call.method, call.params, detail, via);
      this.changed({ requests: true });
    }
    return this.wait(request);
  }

  private wait(request: QueuedRequest): Promise<unknown> {
    const waiting = this.waiters.get(request.id) ?? [];
    this.waiters.set(request.id, waiting);
    // A page reloaded many times leaves waiters nobody listens to; the oldest goes.
    if (waiting.length >= MAX_WAITERS)
      waiting.shift()?.reject(limitExceeded('A newer copy of this request is waiting.'));
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  }

  private switchChain(origin: string, chainId: number): void {
    const { sites } = this.options;
    if (!sites.connected(origin)) throw unauthorized();
    sites.setChain(origin, chainId);
    this.link.emit(origin, 'chainChanged', toHexChainId(chainId));
    this.changed({ requests: false });
  }

  private async carryOut(request: QueuedRequest, approval: DappApproval): Promise<unknown> {
    const { detail } = request;
    switch (detail.type) {
      case 'connect':
        return this.connect(request, approval.accountIds ?? []);
      case 'add-chain':
      case 'switch-chain':
        return approveChain(this.session, request.origin, detail);
      case 'watch-asset':
        return approveWatchAsset(this.session, detail);
      case 'session':
        return approveSession(this.options.wallet, detail, {
          accountIds: approval.accountIds ?? [],
          chainIds: approval.chainIds ?? [],
        });
      default:
        return this.options.signing.approve(request, approval);
    }
  }

  private connect(request: QueuedRequest, accountIds: number[]): unknown {
    const { sites, wallet } = this.options;
    const chosen = chosenAccounts(wallet, accountIds);
    const before = sites.connected(request.origin);
    const wanted = request.detail.type === 'connect' ? request.detail.chainId : wallet.activeChainId();
    const chainId = wallet.chain(wanted)?.enabled ? wanted : wallet.activeChainId();
    const site = sites.connect(request.origin, chosen, before?.chainId ?? chainId);
    if (!before) this.link.emit(request.origin, 'connect', { chainId: toHexChainId(site.chainId) });
    this.link.emit(request.origin, 'accountsChanged', siteAddresses(wallet, site));
    return connectedAnswer(request.method, wallet, site);
  }

  private settle(request: QueuedRequest, outcome: { result: unknown } | { error: ProviderError }): void {
    this.options.queue.remove(request.id);
    this.answer(request.id, outcome);
    this.changed({ requests: true });
  }

  private answer(id: string, outcome: { result: unknown } | { error: ProviderError }): void {
    const waiting = this.waiters.get(id) ?? [];
    this.waiters.delete(id);
    for (const waiter of waiting) {
      if ('error' in outcome) waiter.reject(outcome.error);
      else waiter.resolve(outcome.result);
    }
  }

  private changed({ requests }: { requests: boolean }): void {
    const { events } = this.options;
    events.emit('dapps.sitesChanged', this.sites());
    if (requests) events.emit('dapps.requestsChanged', this.requests());
  }
}

/**
 * Fields of an approval that do not apply to the request's kind are refused, not ignored. `allowRevert` is
 * the user's "go on anyway" past an overridable blocking finding: a revert, or a dApp Verify lists as a threat.
 */
function checkFields(request: QueuedRequest, approval: DappApproval, findings: Finding[]): void {
  const { type } = request.detail;
  const choosesAccounts = type === 'connect' || type === 'session';
  if (choosesAccounts !== (approval.accountIds !== undefined)) {
    throw new ApiError(
      'invalid_request',
      choosesAccounts
        ? 'Choose at least one account to connect.'
        : 'Accounts are chosen only when a site connects.',
    );
  }
  if ((type === 'session') !== (approval.chainIds !== undefined)) {
    throw new ApiError(
      'invalid_request',
      type === 'session'
        ? 'Choose the chains to grant the session.'
        : 'Chains are chosen only for a WalletConnect session.',
    );
  }
  const signing = SIGNING_KINDS.has(type);
  const overridable = findings.some((found) => found.severity === 'blocking' && found.overridable);
  const signingOnly = approval.allowMissingChainId || approval.allowBlindSigning;
  if ((signingOnly && !signing) || (approval.allowRevert && !signing && !overridable)) {
    throw new ApiError('invalid_request', 'That choice applies only to a request to sign.');
  }
}
