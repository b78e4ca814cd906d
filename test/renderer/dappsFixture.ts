import type {
  DappRequestDetail,
  DappRequestView,
  SiteView,
  WalletConnectVerification,
} from '../../src/shared/dapps';
import type { WalletConnectSessionView } from '../../src/shared/walletConnect';
import type { Finding, TypedDataReview } from '../../src/shared/review';
import { deviceAccount, ledgerDevice } from './deviceFixture';
import { finding } from './double/txReviewFixture';

/** The Send tests' Ledger account and a watch-only one: a site can be shown both, only one can sign. */
export const LEDGER_MAIN = deviceAccount(1, ledgerDevice(), 'ledger-live', 0, 'Ledger main');
export const SAVINGS = deviceAccount(2, ledgerDevice(), 'ledger-live', 1, 'Savings');
export const WATCHED = {
  ...deviceAccount(3, { kind: 'ledger', fingerprint: null }, 'ledger-live', 2, 'Vitalik'),
  signer: 'watch' as const,
  deviceFingerprint: null,
  derivationScheme: null,
  derivationPath: null,
};

export const AT = 1_700_000_000_000;

export function connectedSite(origin: string, change: Partial<SiteView> = {}): SiteView {
  return {
    origin,
    accounts: [{ accountId: LEDGER_MAIN.id, address: LEDGER_MAIN.address, label: LEDGER_MAIN.label }],
    chainId: 1,
    chainName: 'Ethereum',
    windowEthereum: false,
    connectedAt: AT,
    lastUsedAt: AT,
    expiresAt: null,
    pending: 0,
    ...change,
  };
}

/** The findings main puts at the head of every request from a site the user has never connected. */
export function newSiteFindings(origin: string): Finding[] {
  return [
    finding({ code: 'site-origin', severity: 'info', message: `Requested by ${origin}` }),
    finding({
      code: 'first-visit-site',
      message: 'You have not used this site with this wallet before.',
    }),
  ];
}

let requestCount = 0;

/** A request as main queues it, with a fresh id, from a site seen for the first time. */
export function siteRequest(origin: string, detail: DappRequestDetail, receivedAt = AT): DappRequestView {
  return {
    id: (++requestCount).toString(16).padStart(32, 'a'),
    origin,
    via: { kind: 'extension' },
    method: detail.type === 'connect' ? 'eth_requestAccounts' : 'eth_sendTransaction',
    receivedAt,
    detail,
    siteFindings: newSiteFindings(origin),
  };
}

/** The site's account as a request names it. */
export const SITE_ACCOUNT = {
  accountId: LEDGER_MAIN.id,
  address: LEDGER_MAIN.address,
  label: LEDGER_MAIN.label,
};

/** Typed data with no chain id in its domain: valid on every network, so signing needs the user's consent. */
export function chainlessTypedDataReview(): TypedDataReview {
  return {
    kind: 'unknown',
    chainId: null,
    from: { accountId: LEDGER_MAIN.id, address: LEDGER_MAIN.address, label: LEDGER_MAIN.label },
    summary: 'Sign a Login message for Example',
    verifyingContract: null,
    grants: [],
    receives: [],
    delegate: null,
    tree: [{ name: 'contents', type: 'string', value: 'Log in to Example' }],
    findings: [
      ...newSiteFindings('https://app.example.org'),
      finding({
        code: 'missing-chain-id',
        message: 'This signature names no network, so it is valid on every network.',
      }),
    ],
    device: {
      kind: 'ledger',
      label: 'Cold storage',
      fingerprint: 'f00dbabe',
      mode: 'clear',
      lines: [{ label: 'contents', value: 'Log in to Example' }],
      note: null,
    },
    blocked: false,
  };
}

/** A site's wallet_addEthereumChain for zkSync Era, with what its RPC answered to eth_chainId. */
export function addZkSync(rpcChainId: number | null): DappRequestDetail {
  return {
    type: 'add-chain',
    chainId: 324,
    chainName: 'zkSync Era',
    rpcUrl: 'https://mainnet.era.zksync.io',
    nativeSymbol: 'ETH',
    explorerUrl: null,
    rpcChainId,
  };
}

/** A dApp's WalletConnect proposal as main queues it: Ethereum required, Base optional. */
export function sessionProposal(
  origin: string,
  verification: WalletConnectVerification,
  change: Partial<Extract<DappRequestDetail, { type: 'session' }>> = {},
): DappRequestView {
  const detail = {
    type: 'session' as const,
    name: 'Uniswap',
    description: 'Swap, earn, and build on the leading decentralized crypto trading protocol.',
    url: `${origin}/swap`,
    verification,
    requiredChainIds: [1],
    optionalChainIds: [8453],
    methods: ['eth_sendTransaction', 'personal_sign', 'eth_signTypedData_v4'],
    ...change,
  };
  return {
    ...siteRequest(origin, detail),
    via: { kind: 'walletconnect', topic: null, name: detail.name, verification },
    method: 'wc_sessionPropose',
  };
}

/** A live WalletConnect session, as the Connected sites page lists it. */
export function walletConnectSession(
  origin: string,
  change: Partial<WalletConnectSessionView> = {},
): WalletConnectSessionView {
  return {
    topic: 'ab'.repeat(32),
    name: 'Uniswap',
    origin,
    verification: 'validated',
    accounts: [SITE_ACCOUNT],
    chains: [{ chainId: 1, name: 'Ethereum' }],
    connectedAt: AT,
    lastUsedAt: AT,
    expiresAt: AT + 7 * 86_400_000,
    pending: 0,
    ...change,
  };
}
