import { calls } from '../../../src/shared/api/contract';
import type {
  BrowserPairingView,
  BrowsersView,
  DappApproval,
  DappRequestView,
  DappReview,
  PairedBrowserView,
  SiteView,
} from '../../../src/shared/dapps';
import type { SigningRequestView } from '../../../src/shared/devices';
import { ApiCallError } from '../../../src/renderer/api/client';
import type { DeviceSigning } from './deviceSigning';
import { type FamilyHandlers, routerParse } from './handlers';
import type { DoubleWorld } from './world';

type DappsChannel =
  | 'dapps.sites'
  | 'dapps.requests'
  | 'dapps.review'
  | 'dapps.approve'
  | 'dapps.reject'
  | 'dapps.revoke'
  | 'dapps.revokeAll'
  | 'dapps.setWindowEthereum'
  | 'browsers.status'
  | 'browsers.startPairing'
  | 'browsers.confirmPairing'
  | 'browsers.cancelPairing'
  | 'browsers.revoke';

/** What main holds for connected sites and paired browsers, as tests set it. */
export interface DappsState {
  /** `pending` is ignored: like main, the double counts each site's queued requests when it answers. */
  sites: SiteView[];
  /** Oldest first, as main's queue keeps them. */
  requests: DappRequestView[];
  /** What dapps.review answers, by request id; a signing request without one is a mistake in the test. */
  reviews: Map<string, DappReview>;
  browsers: BrowsersView;
}

export interface DappsCalls {
  handlers: FamilyHandlers<DappsChannel>;
  state: DappsState;
  /** A site asks for something: queued behind the others and pushed, as main does. */
  ask(request: DappRequestView): void;
  /** Sites changed in main (a site used, its chain switched): pushed whole. */
  setSites(sites: SiteView[]): void;
  /** The bridge or a browser changed (the socket failed, a browser came online): pushed whole. */
  updateBrowsers(change: Partial<BrowsersView>): BrowsersView;
  /** An extension pasted the code and finished the handshake: both sides now show `sas`. */
  browserHandshake(browserName: string, sas: string): BrowsersView;
}

/** Where an approved WalletConnect proposal becomes a session (the WalletConnect family's part). */
export interface SessionApprovals {
  approve(request: DappRequestView, approval: DappApproval): void;
}

const hexId = (n: number) => n.toString(16).padStart(32, '0');

/** The lines a device shows for each signing kind, as the overlay lists them. */
function deviceCheck(review: DappReview | undefined): SigningRequestView['check'] {
  if (review?.type === 'transaction') return review.reviews[0]?.device?.lines ?? [];
  if (review?.type === 'typed-data') return review.review.device?.lines ?? [];
  return [];
}

/** Connected sites, their queued requests and the paired browsers; every change is pushed as main does. */
export function dappsCalls(
  double: DoubleWorld,
  signing: Pick<DeviceSigning, 'askDevice'>,
  sessions: SessionApprovals,
): DappsCalls {
  let pairingCount = 0;
  const state: DappsState = {
    sites: [],
    requests: [],
    reviews: new Map(),
    browsers: {
      bridge: { listening: true, port: 47_110, error: null },
      pairing: null,
      paired: [],
    },
  };

  function siteViews(): SiteView[] {
    return state.sites.map((site) => ({
      ...site,
      pending: state.requests.filter((r) => r.origin === site.origin).length,
    }));
  }

  function setSites(sites: SiteView[]): void {
    state.sites = sites;
    double.emit('dapps.sitesChanged', siteViews());
  }

  function setRequests(requests: DappRequestView[]): void {
    state.requests = requests;
    double.emit('dapps.requestsChanged', [...requests]);
    double.emit('dapps.sitesChanged', siteViews());
  }

  function updateBrowsers(change: Partial<BrowsersView>): BrowsersView {
    state.browsers = { ...state.browsers, ...change };
    double.emit('browsers.changed', state.browsers);
    return state.browsers;
  }

  function updatePairing(change: Partial<BrowserPairingView>): BrowsersView {
    const { pairing } = state.browsers;
    if (!pairing) throw new Error('No browser pairing: call browsers.startPairing first.');
    return updateBrowsers({ pairing: { ...pairing, ...change } });
  }

  function queued(channel: DappsChannel, id: string): DappRequestView {
    const request = state.requests.find((r) => r.id === id);
    if (!request) {
      throw new ApiCallError(channel, { code: 'not_found', message: 'The site no longer waits for this.' });
    }
    return request;
  }

  function site(origin: string): SiteView | undefined {
    return state.sites.find((s) => s.origin === origin);
  }

  function chainName(chainId: number): string {
    return double.chains.find((c) => c.id === chainId)?.name ?? `Chain ${chainId}`;
  }

  function connect(request: DappRequestView, chainId: number, accountIds: number[] | undefined): void {
    const accounts = double.accounts.filter((a) => accountIds?.includes(a.id));
    if (accounts.length === 0) {
      throw new ApiCallError('dapps.approve', { code: 'invalid_request', message: 'Choose an account.' });
    }
    const now = Date.now();
    const others = state.sites.filter((s) => s.origin !== request.origin);
    state.sites = [
      ...others,
      {
        origin: request.origin,
        accounts: accounts.map((a) => ({ accountId: a.id, address: a.address, label: a.label })),
        chainId,
        chainName: chainName(chainId),
        windowEthereum: false,
        connectedAt: now,
        lastUsedAt: now,
        expiresAt: null,
        pending: 0,
      },
    ];
  }

  function switchTo(origin: string, chainId: number): void {
    state.sites = state.sites.map((s) =>
      s.origin === origin ? { ...s, chainId, chainName: chainName(chainId) } : s,
    );
  }

  /** Like main: the answer reaches the site, then the request leaves the queue. */
  async function approve(raw: unknown): Promise<null> {
    const approval = routerParse('dapps.approve', calls['dapps.approve'].request, raw);
    const request = queued('dapps.approve', approval.id);
    const { detail } = request;
    if (detail.type === 'connect') connect(request, detail.chainId, approval.accountIds);
    else if (detail.type === 'switch-chain') switchTo(request.origin, detail.chainId);
    else if (detail.type === 'add-chain') {
      if (detail.rpcChainId !== detail.chainId) {
        throw new ApiCallError('dapps.approve', {
          code: 'chain_mismatch',
          message: 'The network’s RPC answers for another chain id, so it was not added.',
        });
      }
      switchTo(request.origin, detail.chainId);
    } else if (detail.type === 'session') {
      sessions.approve(request, approval);
    } else if (detail.type !== 'watch-asset') {
      const action = detail.type === 'calls' ? 'transaction' : detail.type;
      const check = detail.type === 'message' ? [{ label: 'Message', value: detail.text ?? detail.hex }] : [];
      await signing.askDevice('dapps.approve', detail.account.accountId, action, [
        ...check,
        ...deviceCheck(state.reviews.get(request.id)),
      ]);
    }
    setRequests(state.requests.filter((r) => r.id !== request.id));
    return null;
  }

  function review(id: string): DappReview {
    queued('dapps.review', id);
    const found = state.reviews.get(id);
    if (!found) throw new Error(`No review of request ${id}: set it in client.dapps.reviews.`);
    return structuredClone(found);
  }

  function setWindowEthereum(origin: string, on: boolean): SiteView {
    if (!site(origin)) {
      throw new ApiCallError('dapps.setWindowEthereum', { code: 'not_found', message: 'No such site.' });
    }
    setSites(state.sites.map((s) => (s.origin === origin ? { ...s, windowEthereum: on } : s)));
    return siteViews().find((s) => s.origin === origin) as SiteView;
  }

  /** Like main: a new single-use code, two minutes long, replacing any earlier one. */
  function startPairing(): BrowsersView {
    const id = hexId(++pairingCount);
    return updateBrowsers({
      pairing: {
        id,
        code: `ledgerline-extension:AQ${id}${'x'.repeat(88)}`,
        expiresAt: Date.now() + 120_000,
        state: 'waiting',
        sas: null,
        browserName: null,
        error: null,
      },
    });
  }

  function confirmPairing(id: string, matches: boolean): BrowsersView {
    const { pairing } = state.browsers;
    if (pairing?.id !== id || pairing.state !== 'confirming') {
      throw new ApiCallError('browsers.confirmPairing', {
        code: 'conflict',
        message: 'This pairing is no longer waiting for a confirmation.',
      });
    }
    if (!matches) {
      return updatePairing({
        state: 'failed',
        error: 'The codes did not match, so nothing was paired. Another program may have used the code.',
      });
    }
    const now = Date.now();
    const browser: PairedBrowserView = {
      id: hexId(1000 + pairingCount),
      name: pairing.browserName ?? 'Browser',
      pairedAt: now,
      lastSeenAt: now,
      online: true,
    };
    return updateBrowsers({
      pairing: { ...pairing, state: 'paired' },
      paired: [...state.browsers.paired, browser],
    });
  }

  return {
    state,
    handlers: {
      'dapps.sites': () => siteViews(),
      'dapps.requests': () => [...state.requests],
      'dapps.review': ({ id }) => review(id),
      'dapps.approve': (request) => approve(request),
      'dapps.reject': ({ id }) => {
        queued('dapps.reject', id);
        setRequests(state.requests.filter((r) => r.id !== id));
        return null;
      },
      'dapps.revoke': ({ origin }) => {
        setSites(state.sites.filter((s) => s.origin !== origin));
        return null;
      },
      'dapps.revokeAll': () => {
        setSites([]);
        return null;
      },
      'dapps.setWindowEthereum': ({ origin, on }) => setWindowEthereum(origin, on),
      'browsers.status': () => state.browsers,
      'browsers.startPairing': startPairing,
      'browsers.confirmPairing': ({ id, matches }) => confirmPairing(id, matches),
      'browsers.cancelPairing': ({ id }) =>
        state.browsers.pairing?.id === id ? updateBrowsers({ pairing: null }) : state.browsers,
      'browsers.revoke': ({ id }) =>
        updateBrowsers({ paired: state.browsers.paired.filter((b) => b.id !== id) }),
    },
    ask(request) {
      setRequests([...state.requests, request]);
    },
    setSites,
    updateBrowsers,
    browserHandshake(browserName, sas) {
      return updatePairing({ state: 'confirming', browserName, sas });
    },
  };
}
