import { ApiError } from '../../shared/api/envelope';
import type { Finding, ReviewPurpose, TxReview } from '../../shared/review';
import type {
  AllowanceView,
  OutgoingView,
  ReplacementRequest,
  RevokeRequest,
  SendDraft,
} from '../../shared/tx';
import type { EventHub } from '../api/events';
import type { ChainConnection } from '../chains/chainsService';
import { rpc } from '../rpc/jsonRpc';
import { AddressNames } from '../store/addressNames';
import type { TokenLookup } from '../history/activity';
import type { Logger } from '../log';
import { type ChecksumAddress, toChecksumAddress } from '../store/address';
import type { Repositories } from '../store/repositories';
import type { CheckedTransaction } from '../signers/signatureCheck';
import type { UnsignedTransaction } from '../signers/signer';
import { cannotSign } from '../../shared/watchOnly';
import type { Account } from '../store/accountsRepository';
import { allowanceViews } from './approvals/allowanceViews';
import { discoverApprovals } from './approvals/discoverApprovals';
import { readAllowances } from './approvals/readAllowances';
import { buildRevoke } from './approvals/revoke';
import { isOpen, OutgoingRepository, type OutgoingTransaction } from './outgoingRepository';
import { OutgoingTransactions } from './outgoingTransactions';
import { confirmationsOf, outgoingView, sentTo } from './outgoingView';
import { FollowSchedule } from './followPace';
import { PassLoop } from './passLoop';
import { prepareSend } from './sendReview';
import { type PreparedTransaction, type ReviewContext, reviewTransaction } from './review/transactionReview';
import { chainCall, reasonOf } from './txErrors';

export interface TxServiceOptions {
  db: ConstructorParameters<typeof OutgoingRepository>[0];
  repositories: Pick<Repositories, 'accounts' | 'addressBook' | 'labels' | 'devices'>;
  sign: (
    accountId: number,
    transaction: UnsignedTransaction,
    review: TxReview,
  ) => Promise<CheckedTransaction>;
  /** An enabled chain's client; `not_found` for one that is not enabled. */
  connection: (chainId: number) => Promise<ChainConnection>;
  tokens: TokenLookup;
  /** Every token the wallet lists on a chain. */
  listedTokens: (chainId: number) => ChecksumAddress[];
  /** Addresses the account dealt with, from history: the reference for first-time and look-alike checks. */
  counterparties: (account: ChecksumAddress) => ChecksumAddress[];
  events: EventHub;
  log: Logger;
  /** Told which chains have a transaction that just left the mempool, so history can read its block now. */
  onSettled?: (chainIds: number[]) => void;
  now?: () => number;
}

/** What a send's caller adds to its review. */
export interface SendOptions {
  /**
   * Findings about who asks (a dApp's origin, its first visit, a look-alike name), shown before the
   * transaction's own in the review and on the device overlay and phone. They inform; they never block.
   */
  leadingFindings?: Finding[];
}

/** TxReview's bound on findings. */
const MAX_FINDINGS = 30;

/** After this many confirmations an included transaction is no longer re-counted. */
const FINAL_CONFIRMATIONS = 12;

/**
 * Sending and approvals, as the Send and Approvals pages use them: a review that says everything before
 * anything is signed, the send itself through the outgoing lifecycle, and revokes through the same path.
 */
export class TxService {
  private readonly repository: OutgoingRepository;
  private readonly outgoing: OutgoingTransactions;
  private loop: PassLoop | null = null;
  /** Each chain's head when last asked, for confirmation counts. */
  private readonly heads = new Map<number, number>();
  /** When each followed chain is next asked about; set by `start`, one pace per chain. */
  private schedule: FollowSchedule | null = null;

  constructor(private readonly options: TxServiceOptions) {
    this.repository = new OutgoingRepository(options.db);
    this.outgoing = new OutgoingTransactions({
      repository: this.repository,
      accounts: options.repositories.accounts,
      sign: options.sign,
      connection: (chainId) => this.connection(chainId),
      now: options.now,
    });
  }

  async review(input: SendDraft, options: SendOptions = {}): Promise<TxReview> {
    return (await chainCall(() => this.prepare(input, options))).review;
  }

  async send(input: SendDraft, options: SendOptions = {}): Promise<OutgoingView> {
    return chainCall(async () => {
      const { review, transaction } = await this.prepare(input, options);
      refuseBlocked(review);
      return this.changed(await this.outgoing.send(review.from.accountId, transaction, review));
    });
  }

  list(): OutgoingView[] {
    const rows = this.repository.all();
    return rows.map((row) => this.view(row, rows));
  }

  reviewReplacement({ id, mode }: ReplacementRequest): Promise<TxReview> {
    return chainCall(async () => (await this.prepareReplacement(id, mode)).review);
  }

  speedUp(id: number): Promise<OutgoingView> {
    return this.replace(id, 'speed-up');
  }

  cancel(id: number): Promise<OutgoingView> {
    return this.replace(id, 'cancel');
  }

  approvals(accountId: number, chainId: number): Promise<AllowanceView[]> {
    return chainCall(() => this.readApprovals(accountId, chainId));
  }

  reviewRevoke(request: RevokeRequest): Promise<TxReview[]> {
    return chainCall(async () => {
      const reviews: TxReview[] = [];
      // One after the other: each takes the next nonce, as the revokes will when they are sent.
      for (const prepared of await this.prepareRevokes(request)) reviews.push(prepared.review);
      return reviews;
    });
  }

  /** One transaction per allowance: ERC-20 `approve` has no batch form and must come from the owner. */
  revoke(request: RevokeRequest): Promise<OutgoingView[]> {
    return chainCall(async () => {
      const sent: OutgoingView[] = [];
      for (const { review, transaction } of await this.prepareRevokes(request)) {
        refuseBlocked(review);
        sent.push(this.changed(await this.outgoing.send(review.from.accountId, transaction, review)));
      }
      return sent;
    });
  }

  private async replace(id: number, mode: 'speed-up' | 'cancel'): Promise<OutgoingView> {
    return chainCall(async () => {
      const { review, transaction } = await this.prepareReplacement(id, mode);
      refuseBlocked(review);
      return this.changed(await this.outgoing.send(review.from.accountId, transaction, review, id));
    });
  }

  private async readApprovals(accountId: number, chainId: number): Promise<AllowanceView[]> {
    const account = this.options.repositories.accounts.get(accountId);
    const { chain, client, signal } = await this.connection(chainId);
    const head = Number(await client.send(rpc.blockNumber(), signal));
    const found = await discoverApprovals(
      client,
      chain,
      account.address,
      { fromBlock: 0, toBlock: head },
      signal,
    );
    const current = await readAllowances(client, chain, found, signal);
    const names = new AddressNames(this.options.repositories);
    return allowanceViews(chainId, found, current, {
      tokens: this.options.tokens,
      label: (address) => names.label(address),
    });
  }

  /** Revokes go out back to back, so each is reviewed at the nonce after the one before. */
  private async prepareRevokes({
    accountId,
    chainId,
    allowances,
  }: RevokeRequest): Promise<PreparedTransaction[]> {
    const account = this.options.repositories.accounts.get(accountId);
    if (account.signer === 'watch') throw cannotSign();
    let nonce = await this.outgoing.nextNonce(account.address, chainId);
    const prepared: PreparedTransaction[] = [];
    for (const { token, spender } of allowances) {
      const call = buildRevoke(toChecksumAddress(token), toChecksumAddress(spender));
      prepared.push(
        await reviewTransaction(
          { ...this.request(account, chainId, 'revoke', nonce++), call, fees: { speed: 'normal' } },
          this.reviewContext(),
        ),
      );
    }
    return prepared;
  }

  private prepareReplacement(id: number, mode: 'speed-up' | 'cancel'): Promise<PreparedTransaction> {
    const { original, account, previous, transaction } = this.outgoing.replacement(id, mode);
    return reviewTransaction(
      {
        ...this.request(account, original.chainId, mode, original.nonce),
        call: { to: transaction.to ?? account.address, value: transaction.value, data: transaction.data },
        fees: { replacing: { id: original.id, hash: original.hash, previous }, transaction },
      },
      this.reviewContext(),
    );
  }

  private request(account: Account, chainId: number, purpose: ReviewPurpose, nonce: number) {
    return { purpose, account, chainId, nonce, allowRevert: false, signerChainId: null };
  }

  /** Finishes what a quit interrupted, then follows open transactions, at the pace `followPause` sets. */
  start(intervalMs: number): void {
    this.stop();
    void this.outgoing
      .resume()
      .then(() => this.options.events.emit('tx.changed', this.list()))
      .catch((error: unknown) => this.trackingFailed(error));
    const schedule = new FollowSchedule(intervalMs);
    this.schedule = schedule;
    const pass = async () => {
      const followed = await this.follow(schedule).catch((error: unknown) => {
        this.trackingFailed(error);
        return this.followedOf(this.repository.open(), this.repository.all());
      });
      return schedule.pauseMs(followed, this.nowMs());
    };
    this.loop = new PassLoop(pass, intervalMs);
    this.loop.start(intervalMs);
  }

  stop(): void {
    this.loop?.stop();
    this.loop = null;
    this.schedule = null;
  }

  /** Settles open transactions, and counts confirmations until an included one is final. */
  async track(): Promise<OutgoingView[]> {
    await this.follow();
    return this.list();
  }

  /** Of the stored transactions, what a pass asks about: the open ones, and included ones short of final. */
  private followedOf(open: OutgoingTransaction[], all: OutgoingTransaction[]): OutgoingTransaction[] {
    const confirming = all.filter(
      (row) =>
        row.status === 'included' &&
        (confirmationsOf(row, this.heads.get(row.chainId)) ?? 0) < FINAL_CONFIRMATIONS,
    );
    return [...open, ...confirming];
  }

  /**
   * One pass of `track` over every followed chain, or over the chains whose turn it is on `schedule`. It
   * builds the views (parsing every stored transaction) only to announce a change: a send left pending is
   * asked about for as long as it stays, and most passes find nothing new. Returns what is followed after it.
   */
  private async follow(schedule?: FollowSchedule): Promise<OutgoingTransaction[]> {
    const open = this.repository.open();
    const before = this.repository.all();
    const followed = this.followedOf(open, before);
    const chainIds = schedule
      ? schedule.due(followed, this.nowMs())
      : [...new Set(followed.map((row) => row.chainId))];
    if (chainIds.length === 0) return followed;
    // What the chains that answered told is shown even when another chain's node failed this pass.
    const heads = new Map<number, number>();
    const failure = await this.outgoing.follow(chainIds, heads).then(
      () => null,
      (error: unknown) => ({ error }),
    );
    let recounted = false;
    for (const chainId of chainIds) {
      const head = heads.get(chainId);
      const moved = head === undefined ? null : this.heads.get(chainId) !== head;
      schedule?.read(chainId, moved, followed, this.nowMs());
      if (head === undefined) continue;
      recounted ||=
        moved === true && followed.some((row) => row.chainId === chainId && row.status === 'included');
      this.heads.set(chainId, head);
    }
    const after = this.repository.all();
    if (recounted || rowsChanged(before, after)) this.options.events.emit('tx.changed', this.list());
    const settled = open.filter((row) => !isOpen(this.repository.get(row.id)?.status ?? row.status));
    if (settled.length > 0) this.options.onSettled?.([...new Set(settled.map((row) => row.chainId))]);
    if (failure) throw failure.error;
    return this.followedOf(this.repository.open(), after);
  }

  private nowMs(): number {
    return (this.options.now ?? Date.now)();
  }

  private async prepare(
    input: SendDraft,
    { leadingFindings = [] }: SendOptions,
  ): Promise<PreparedTransaction> {
    const prepared = await prepareSend(input, {
      ...this.reviewContext(),
      nextNonce: (address, chainId) => this.outgoing.nextNonce(address, chainId),
    });
    if (leadingFindings.length === 0) return prepared;
    const findings = [...leadingFindings, ...prepared.review.findings].slice(0, MAX_FINDINGS);
    return { ...prepared, review: { ...prepared.review, findings } };
  }

  private reviewContext(): ReviewContext {
    return {
      repositories: this.options.repositories,
      tokens: this.options.tokens,
      listedTokens: this.options.listedTokens,
      counterparties: this.options.counterparties,
      connection: (chainId) => this.connection(chainId),
      log: this.options.log,
      sentTo: (address) => sentTo(this.repository.all(), address),
      ownOpenNonces: (address, chainId) =>
        this.repository
          .forSender(address, chainId)
          .filter((row) => isOpen(row.status))
          .map((row) => row.nonce),
    };
  }

  private connection(chainId: number): Promise<ChainConnection> {
    return this.options.connection(chainId);
  }

  private changed(row: OutgoingTransaction): OutgoingView {
    this.options.events.emit('tx.changed', this.list());
    // A new transaction is news to wait for: its chain is followed at the interval again, block or no block.
    this.schedule?.hurry(row.chainId);
    this.loop?.hurry();
    return this.view(row);
  }

  private view(row: OutgoingTransaction, rows = this.repository.all()): OutgoingView {
    return outgoingView(row, this.heads.get(row.chainId), rows);
  }

  private trackingFailed(error: unknown): void {
    this.options.log.warn('following sent transactions failed', { error: reasonOf(error) });
  }
}

/** A row added, or its status, block or reason written, since `before` (same order: newest first). */
function rowsChanged(before: readonly OutgoingTransaction[], after: readonly OutgoingTransaction[]): boolean {
  return (
    before.length !== after.length ||
    after.some((row, index) => {
      const was = before[index];
      return (
        row.id !== was?.id ||
        row.status !== was.status ||
        row.blockNumber !== was.blockNumber ||
        row.reason !== was.reason ||
        row.updatedAt !== was.updatedAt
      );
    })
  );
}

/** Signing what the review blocks is refused in main too: the renderer's disabled button is not the guard. */
function refuseBlocked(review: TxReview): void {
  if (review.cannotSign) throw cannotSign();
  if (!review.blocked) return;
  const blocking = review.findings.find((finding) => finding.severity === 'blocking');
  throw new ApiError(
    'invalid_request',
    `${blocking?.message ?? 'The review blocks this transaction.'} Nothing was signed.`,
  );
}
