import { ApiError } from '../../shared/api/envelope';
import { type DappChannel, DappRequestDetail, SiteOrigin } from '../../shared/dapps';
import type { SessionApproval, SessionProposal } from './dappGateway';
import type { DappWallet } from './dappWallet';
import { chosenAccounts } from './permissions';
import { invalidRequest } from './providerError';
import { parseParams } from './providerParams';

/** The WalletConnect method a proposal is, as the queue names it. */
export const PROPOSAL_METHOD = 'wc_sessionPropose';

type SessionDetail = Extract<DappRequestDetail, { type: 'session' }>;

/** A proposal as the queue keeps it: the origin the dApp claims, what it asks, and how it came. */
export function proposalRequest(proposal: SessionProposal): {
  origin: string;
  detail: SessionDetail;
  via: DappChannel;
} {
  const origin = SiteOrigin.safeParse(proposal.origin);
  if (!origin.success) throw invalidRequest('The dApp claims no origin the wallet serves.');
  const { name, description, url, verification, requiredChainIds, optionalChainIds, methods } = proposal;
  const detail = parseParams(
    DappRequestDetail,
    { type: 'session', name, description, url, verification, requiredChainIds, optionalChainIds, methods },
    PROPOSAL_METHOD,
  ) as SessionDetail;
  return { origin: origin.data, detail, via: { kind: 'walletconnect', topic: null, name, verification } };
}

/**
 * What the user granted: accounts still in the wallet, and chains the dApp asked for, every required one
 * among them, each a network the wallet knows. One that is off is turned on, as approving a switch does.
 */
export function approveSession(
  wallet: DappWallet,
  detail: SessionDetail,
  granted: { accountIds: readonly number[]; chainIds: readonly number[] },
): SessionApproval {
  const accountIds = chosenAccounts(wallet, granted.accountIds);
  const chainIds = [...new Set(granted.chainIds)];
  const missing = detail.requiredChainIds.find((chainId) => !chainIds.includes(chainId));
  if (missing !== undefined) {
    throw new ApiError(
      'invalid_request',
      `The dApp requires chain ${missing}; grant it or reject the session.`,
    );
  }
  const asked = new Set([...detail.requiredChainIds, ...detail.optionalChainIds]);
  const unasked = chainIds.find((chainId) => !asked.has(chainId));
  if (unasked !== undefined) {
    throw new ApiError('invalid_request', `The dApp did not ask for chain ${unasked}.`);
  }
  const unknown = chainIds.find((chainId) => wallet.chain(chainId) === undefined);
  if (unknown !== undefined) {
    throw new ApiError(
      'invalid_request',
      `The wallet has no network with chain id ${unknown}; add it first.`,
    );
  }
  for (const chainId of chainIds) if (!wallet.chain(chainId)?.enabled) wallet.enableChain(chainId);
  return { accountIds, chainIds };
}
