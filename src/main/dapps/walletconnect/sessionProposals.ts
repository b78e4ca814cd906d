import type { IWalletKit, WalletKitTypes } from '@reown/walletkit';
import { getSdkError } from '@walletconnect/utils';
import type { Logger } from '../../log';
import { logFailure } from '../../log';
import type { DappGateway, SessionApproval } from '../dappGateway';
import type { DappWallet } from '../dappWallet';
import { ProviderError, toRpcError } from '../providerError';
import { approvedNamespaces } from './sessionNamespaces';
import { readProposal } from './sessionProposal';
import type { WalletConnectSessionsRepository } from './walletConnectSessionsRepository';

export interface ProposalDeps {
  gateway: Pick<DappGateway, 'propose'>;
  wallet: Pick<DappWallet, 'accounts' | 'chain'>;
  sessions: WalletConnectSessionsRepository;
  log: Logger;
  now: () => number;
  /** A session was approved and recorded. */
  changed: () => void;
}

/** The user's (or the queue's) refusal as the dApp hears it: 5000, with our words unless it was the user's. */
function refusalReason(error: unknown) {
  const rejected = getSdkError('USER_REJECTED');
  if (error instanceof ProviderError && error.code === 4001) return rejected;
  return { code: rejected.code, message: toRpcError(error).message };
}

/**
 * A dApp's session proposal: read and checked (a proposal the wallet cannot serve is refused without asking),
 * put to the user through the gateway's queue, then approved with what the user granted, or rejected.
 */
export async function answerProposal(
  kit: IWalletKit,
  event: WalletKitTypes.SessionProposal,
  deps: ProposalDeps,
): Promise<void> {
  const { id, params, verifyContext } = event;
  const read = readProposal(params, verifyContext, (chainId) => deps.wallet.chain(chainId) !== undefined);
  if ('refusal' in read) {
    deps.log.warn('walletconnect proposal refused', { reason: read.refusal.reason });
    const { code } = getSdkError(read.refusal.sdkError);
    await kit.rejectSession({ id, reason: { code, message: read.refusal.reason } });
    return;
  }
  const { proposal } = read;
  let approval: SessionApproval;
  try {
    approval = await deps.gateway.propose(proposal);
  } catch (error) {
    await kit.rejectSession({ id, reason: refusalReason(error) });
    return;
  }
  const chosen = new Set(approval.accountIds);
  const addresses = deps.wallet
    .accounts()
    .filter((account) => chosen.has(account.id))
    .map((account) => account.address);
  let namespaces;
  try {
    namespaces = approvedNamespaces(params, { ...approval, addresses, methods: proposal.methods });
  } catch (error) {
    // WalletConnect's builder found something the dApp required that the user did not grant.
    logFailure(deps.log, 'walletconnect proposal cannot be approved', error);
    const reason = 'The wallet cannot grant everything this dApp requires.';
    await kit.rejectSession({ id, reason: { code: getSdkError('USER_REJECTED').code, message: reason } });
    return;
  }
  const session = await kit.approveSession({ id, namespaces });
  const now = deps.now();
  deps.sessions.add({
    topic: session.topic,
    origin: proposal.origin,
    name: proposal.name,
    verification: proposal.verification,
    connectedAt: now,
    lastUsedAt: now,
  });
  deps.changed();
}
