import { ApiError } from '../../shared/api/envelope';
import type { AllowanceView, OutgoingView, RevokeRequest, SendDraft, SendReview } from '../../shared/tx';
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
import { allowanceViews } from './approvals/allowanceViews';
import { discoverApprovals } from './approvals/discoverApprovals';
import { readAllowances } from './approvals/readAllowances';
import { buildRevoke } from './approvals/revoke';
import { draftOf } from './fees/feeChoice';
import { estimateFees } from './fees/feeEstimator';
import { isOpen, OutgoingRepository, type OutgoingTransaction } from './outgoingRepository';
import { OutgoingTransactions } from './outgoingTransactions';
import { outgoingView, sentTo } from './outgoingView';
import { type PreparedSend, prepareSend } from './sendReview';
import { chainCall, reasonOf } from './txErrors';

export interface TxServiceOptions {
  db: ConstructorParameters<typeof OutgoingRepository>[0];
  repositories: Pick<Repositories, 'accounts' | 'addressBook' | 'labels' | 'devices'>;
  sign: (accountId: number, transaction: UnsignedTransaction) => Promise<CheckedTransaction>;
  connections: () => Promise<ChainConnection[]>;
  tokens: TokenLookup;
  /** Addresses the account dealt with, from history: the reference for first-time and look-alike checks. */
  counterparties: (account: ChecksumAddress) => ChecksumAddress[];
  events: EventHub;
  log: Logger;
  /** Told which chains have a transaction that just left the mempool, so history can read its block now. */
  onSettled?: (chainIds: number[]) => void;
  now?: () => number;
}

/** After this many confirmations an included transaction is no longer re-counted. */
const FINAL_CONFIRMATIONS = 12;

/**
 * Sending and approvals, as the Send and Approvals pages use them: a review that says everything before
 * anything is signed, the send itself through the outgoing lifecycle, and revokes through the same path.
 */
export class TxService {
  private readonly repository: OutgoingRepository;
  private readonly outgoing: OutgoingTransactions;
  private timer: NodeJS.Timeout | null = null;
  /** Each chain's head when last asked, for confirmation counts. */
  private readonly heads = new Map<number, number>();

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

  async review(input: SendDraft): Promise<SendReview> {
    return (await chainCall(() => this.prepare(input))).review;
  }

  async send(input: SendDraft): Promise<OutgoingView> {
    return chainCall(async () => {
      const { review, account, estimate, call, option } = await this.prepare(input);
      if (review.cannotSign) throw cannotSign();
      const sent = await this.outgoing.send(account.id, draftOf(review.chainId, call, estimate, option));
      return this.changed(sent);
    });
  }

  list(): OutgoingView[] {
    return this.repository.all().map((row) => this.view(row));
  }

  async speedUp(id: number): Promise<OutgoingView> {
    return this.changed(await chainCall(() => this.outgoing.speedUp(id)));
  }

  async cancel(id: number): Promise<OutgoingView> {
    return this.changed(await chainCall(() => this.outgoing.cancel(id)));
  }

  approvals(accountId: number, chainId: number): Promise<AllowanceView[]> {
    return chainCall(() => this.readApprovals(accountId, chainId));
  }

  /** One transaction per allowance: ERC-20 `approve` has no batch form and must come from the owner. */
  revoke(request: RevokeRequest): Promise<OutgoingView[]> {
    return chainCall(() => this.sendRevokes(request));
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

  private async sendRevokes({ accountId, chainId, allowances }: RevokeRequest): Promise<OutgoingView[]> {
    const account = this.options.repositories.accounts.get(accountId);
    if (account.signer === 'watch') throw cannotSign();
    const { chain, client, signal } = await this.connection(chainId);
    const sent: OutgoingView[] = [];
    for (const { token, spender } of allowances) {
      const call = buildRevoke(toChecksumAddress(token), toChecksumAddress(spender));
      const estimate = await estimateFees(client, chain, { from: account.address, ...call }, signal);
      const row = await this.outgoing.send(
        account.id,
        draftOf(chainId, call, estimate, estimate.options.normal),
        'revoke',
      );
      sent.push(this.changed(row));
    }
    return sent;
  }

  /** Finishes what a quit interrupted, then follows open transactions every `intervalMs`. */
  start(intervalMs: number): void {
    this.stop();
    const tick = () => void this.track().catch((error: unknown) => this.trackingFailed(error));
    void this.outgoing
      .resume()
      .then(() => this.options.events.emit('tx.changed', this.list()))
      .catch((error: unknown) => this.trackingFailed(error));
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Settles open transactions, and counts confirmations until an included one is final. */
  async track(): Promise<OutgoingView[]> {
    const open = this.repository.open();
    const confirming = this.list().filter(
      (row) => row.status === 'included' && (row.confirmations ?? 0) < FINAL_CONFIRMATIONS,
    );
    if (open.length === 0 && confirming.length === 0) return this.list();
    const previous = this.list();
    if (open.length > 0) await this.outgoing.track();
    for (const chainId of new Set([...open, ...confirming].map((row) => row.chainId))) {
      const { client, signal } = await this.connection(chainId);
      this.heads.set(chainId, Number(await client.send(rpc.blockNumber(), signal)));
    }
    const after = this.list();
    if (JSON.stringify(after) !== JSON.stringify(previous)) this.options.events.emit('tx.changed', after);
    const wasOpen = new Set(previous.filter((row) => isOpen(row.status)).map((row) => row.id));
    const settled = after.filter((row) => wasOpen.has(row.id) && !isOpen(row.status));
    if (settled.length > 0) this.options.onSettled?.([...new Set(settled.map((row) => row.chainId))]);
    return after;
  }

  private prepare(input: SendDraft): Promise<PreparedSend> {
    return prepareSend(input, {
      repositories: this.options.repositories,
      tokens: this.options.tokens,
      counterparties: this.options.counterparties,
      connection: (chainId) => this.connection(chainId),
      nextNonce: (address, chainId) => this.outgoing.nextNonce(address, chainId),
      sentTo: (address) => sentTo(this.repository.all(), address),
    });
  }

  private async connection(chainId: number): Promise<ChainConnection> {
    const connection = (await this.options.connections()).find((candidate) => candidate.chain.id === chainId);
    if (!connection) throw new ApiError('not_found', `Chain ${chainId} is not enabled in this wallet.`);
    return connection;
  }

  private changed(row: OutgoingTransaction): OutgoingView {
    this.options.events.emit('tx.changed', this.list());
    return this.view(row);
  }

  private view(row: OutgoingTransaction): OutgoingView {
    return outgoingView(row, this.heads.get(row.chainId));
  }

  private trackingFailed(error: unknown): void {
    this.options.log.warn('following sent transactions failed', { error: reasonOf(error) });
  }
}
