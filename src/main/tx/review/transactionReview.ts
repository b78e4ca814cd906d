import { chainName } from '../../../shared/chains/chainName';
import type { ReviewAction, ReviewPurpose, TxReview } from '../../../shared/review';
import type { CustomFees, FeeChoice } from '../../../shared/tx';
import { cannotSign } from '../../../shared/watchOnly';
import type { ChainConnection } from '../../chains/chainsService';
import type { TokenLookup } from '../../history/activity';
import { decodeAction } from '../../review/action/decodeAction';
import { summarize } from '../../review/action/summary';
import { deviceScreen } from '../../review/device/deviceScreen';
import { collectFindings, isBlocked } from '../../review/findings/collectFindings';
import { PartyNames } from '../../review/parties';
import { netBalanceChanges } from '../../review/simulation/balanceChanges';
import { simulateTransaction } from '../../review/simulation/simulate';
import { readTokenFacts } from '../../review/simulation/tokenFacts';
import type { UnsignedTransaction } from '../../signers/signer';
import type { Account } from '../../store/accountsRepository';
import type { ChecksumAddress } from '../../store/address';
import type { Repositories } from '../../store/repositories';
import type { Logger } from '../../log';
import { customOption, draftOf, type FeeChoiceOption } from '../fees/feeChoice';
import { estimateFees } from '../fees/feeEstimator';
import type { FeeEstimate } from '../fees/feeRules';
import { balanceChangeViews } from './balanceChangeViews';
import { readChainFacts } from './reviewReads';
import { reviewFees } from './reviewFees';
import { capPerGas, replacedFees } from './replacedFees';

/** What a review reads besides the chain: the wallet's names, tokens and what the account did before. */
export interface ReviewContext {
  repositories: Pick<Repositories, 'accounts' | 'addressBook' | 'labels' | 'devices'>;
  tokens: TokenLookup;
  /** Addresses the account dealt with, from history: the reference for first-time and look-alike checks. */
  counterparties: (account: ChecksumAddress) => ChecksumAddress[];
  /** Where the account sent before, from the outgoing transactions. */
  sentTo: (address: ChecksumAddress) => ChecksumAddress[];
  /** Every token the wallet lists on the chain: sending to one's own contract loses what is sent. */
  listedTokens: (chainId: number) => ChecksumAddress[];
  /** Nonces of this wallet's own transactions still open, so they are not reported as a gap. */
  ownOpenNonces: (address: ChecksumAddress, chainId: number) => number[];
  connection: (chainId: number) => Promise<ChainConnection>;
  /** Where the node's own words go when the review shows a sentence instead (a simulation or fee oracle failing). */
  log: Pick<Logger, 'warn'>;
}

export type FeeRequest =
  | { speed: FeeChoice; custom?: CustomFees }
  /** A speed-up or cancel signs these exact bytes but for the signature; its fees are already bumped. */
  | { replacing: Replacement; transaction: UnsignedTransaction };

/** The open transaction a speed-up or cancel replaces, as it was signed. */
export interface Replacement {
  id: number;
  hash: string;
  previous: UnsignedTransaction;
}

export interface TransactionRequest {
  purpose: ReviewPurpose;
  account: Account;
  chainId: number;
  call: { to: ChecksumAddress; value: bigint; data: string };
  nonce: number;
  fees: FeeRequest;
  allowRevert: boolean;
  /** The network the signer is on, when the request came from elsewhere (a dApp, the phone). */
  signerChainId: number | null;
}

/** The review, and exactly the transaction it describes, ready for the device. */
export interface PreparedTransaction {
  review: TxReview;
  transaction: UnsignedTransaction;
}

/** Gas for a call the node will not estimate because it reverts: enough to show what signing it would risk. */
const REVERTING_CALL_GAS = 300_000n;

/**
 * The one review before every transaction is signed: decoded, priced, run on the user's own RPC, checked, and
 * put in the signing device's own terms. Reads go out in as few round trips as their dependencies allow.
 */
export async function reviewTransaction(
  request: TransactionRequest,
  context: ReviewContext,
): Promise<PreparedTransaction> {
  const { account, call } = request;
  const { chain, client, signal } = await context.connection(request.chainId);
  const listed = (address: ChecksumAddress) => context.tokens(chain.id, address) ?? null;
  const names = new PartyNames({
    accounts: context.repositories.accounts.list(),
    addressBook: context.repositories.addressBook.usableOn(chain.id),
    labels: context.repositories.labels.list(),
    tokens: listed,
    chainId: chain.id,
  });
  const replacing = 'replacing' in request.fees ? request.fees.replacing : null;
  const decode = (token: (address: ChecksumAddress) => { symbol: string; decimals: number } | null) =>
    decodeAction({
      chainId: chain.id,
      from: account.address,
      ...call,
      native: chain.nativeCurrency,
      parties: names,
      token,
      cancelOf: request.purpose === 'cancel' ? request.nonce : null,
    });
  const first = decode(listed);
  const [estimate, facts, callee] = await Promise.all([
    estimateFees(client, chain, { from: account.address, ...call }, signal, {
      fallbackGasLimit: REVERTING_CALL_GAS,
    }),
    readChainFacts(
      client,
      { from: account.address, to: call.to, token: tokenOf(first), spender: spenderOf(first) },
      signal,
    ),
    call.data !== '0x' && !listed(call.to)
      ? readTokenFacts(client, [call.to], signal)
      : new Map<ChecksumAddress, null>(),
  ]);
  const known = (address: ChecksumAddress) => listed(address) ?? callee.get(address) ?? null;
  const action = decode(known);
  const { option, transaction, priced } = signingFees(request, estimate);
  const fees = reviewFees(chain, priced, option, 'speed' in request.fees ? request.fees.speed : 'custom');
  const simulation = await simulateTransaction(
    client,
    { from: account.address, ...call, gasLimit: transaction.gasLimit, fees: option },
    signal,
  );
  if (simulation.detail) context.log.warn('simulation', { chainId: chain.id, detail: simulation.detail });
  if (estimate.l1.detail)
    context.log.warn('L1 fee oracle', { chainId: chain.id, detail: estimate.l1.detail });
  const changes = netBalanceChanges(simulation.transfers, [account.address]);
  const unnamed = changes.flatMap((change) => (change.token && !known(change.token) ? [change.token] : []));
  const read = unnamed.length > 0 ? await readTokenFacts(client, unnamed, signal) : new Map();
  const maxFee = BigInt(fees.chosen.max);
  const balanceChanges = balanceChangeViews(changes, {
    native: chain.nativeCurrency,
    token: (address) => known(address) ?? read.get(address) ?? null,
    party: (address) => names.party(address),
  });
  const findings = collectFindings({
    action,
    purpose: request.purpose,
    chainId: chain.id,
    from: account.address,
    to: call.to,
    signerChainId: request.signerChainId,
    chainName: (id) => (id === chain.id ? chain.name : chainName(id)),
    native: chain.nativeCurrency,
    balance: facts.balance,
    tokenBalance: facts.tokenBalance,
    value: call.value,
    maxFee,
    nonce: request.nonce,
    pendingNonce: facts.pendingNonce,
    ownOpenNonces: context.ownOpenNonces(account.address, chain.id),
    fromCode: facts.fromCode,
    toCode: facts.toCode,
    spenderCode: facts.spenderCode,
    simulation,
    // Only where the account sent: a poisoner's dust transfer makes its look-alike a counterparty too.
    previousRecipients: context.sentTo(account.address),
    knownAddresses: context.counterparties(account.address),
    tokenAddresses: new Set(context.listedTokens(chain.id)),
    allowRevert: request.allowRevert,
    senderChanges: balanceChanges
      .filter((change) => change.account.address === account.address)
      .map(({ asset, delta }) => ({ ...asset, delta: BigInt(delta) })),
    parties: names,
  });
  const review: TxReview = {
    purpose: request.purpose,
    chainId: chain.id,
    chainName: chain.name,
    from: { accountId: account.id, address: account.address, label: account.label },
    summary: summarize(action, request.purpose),
    action,
    transaction: { to: call.to, value: call.value.toString(), data: call.data, nonce: request.nonce },
    simulation: {
      status: simulation.status,
      balanceChanges,
      reverted: simulation.reverted,
      revertReason: simulation.revertReason,
      gasUsed: simulation.gasUsed === null ? null : simulation.gasUsed.toString(),
      note: simulation.note,
    },
    findings,
    fees,
    totalMax: (maxFee + call.value).toString(),
    replaces: replacing ? replacedFees(replacing, replacing.previous, transaction) : null,
    device: signerScreen(context, account, {
      chain,
      action,
      transaction: { to: call.to, value: call.value, data: call.data },
      // Devices price gas alone: the L1 data fee is the rollup's, and no device screen counts it.
      maxFee: transaction.gasLimit * capPerGas(transaction),
    }),
    cannotSign: account.signer === 'watch' ? cannotSign().message : null,
    blocked: isBlocked(findings, request.allowRevert),
  };
  return { review, transaction };
}

/** The fees this review signs with, and the transaction they make, priced at its own gas limit. */
function signingFees(
  request: TransactionRequest,
  estimate: FeeEstimate,
): { option: FeeChoiceOption; transaction: UnsignedTransaction; priced: FeeEstimate } {
  const { fees, call } = request;
  if ('replacing' in fees) {
    const { transaction } = fees;
    const option: FeeChoiceOption =
      transaction.type === 2
        ? {
            maxFeePerGas: transaction.maxFeePerGas,
            maxPriorityFeePerGas: transaction.maxPriorityFeePerGas,
          }
        : { gasPrice: transaction.gasPrice };
    return { option, transaction, priced: { ...estimate, gasLimit: transaction.gasLimit } };
  }
  const option = fees.speed === 'custom' ? customOption(estimate, fees.custom) : estimate.options[fees.speed];
  const transaction = { ...draftOf(request.chainId, call, estimate, option), nonce: request.nonce };
  return { option, transaction, priced: estimate };
}

function signerScreen(
  context: ReviewContext,
  account: Account,
  input: Omit<Parameters<typeof deviceScreen>[0], 'signer'>,
): TxReview['device'] {
  if (account.signer === 'watch' || !account.deviceFingerprint) return null;
  const device = context.repositories.devices.get(account.deviceFingerprint);
  return deviceScreen({
    ...input,
    signer: {
      kind: account.signer,
      label: device?.name ?? account.signer,
      fingerprint: account.deviceFingerprint,
    },
  });
}

function tokenOf(action: ReviewAction): ChecksumAddress | null {
  return action.type === 'token-transfer' ? (action.token.address as ChecksumAddress) : null;
}

function spenderOf(action: ReviewAction): ChecksumAddress | null {
  if (action.type === 'approval') return action.spender.address as ChecksumAddress;
  if (action.type === 'approval-for-all') return action.operator.address as ChecksumAddress;
  return null;
}
