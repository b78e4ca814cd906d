import { ApiError } from '../../shared/api/envelope';
import type { TxReview } from '../../shared/review';
import type {
  AddSafe,
  ConfirmSafeTx,
  CreateSafe,
  ExecuteSafeTx,
  ProposeSafeTx,
  SafeCreationReview,
  SafeRef,
  SafesView,
  SafeTxRef,
  SafeTxReview,
  SafeTxView,
} from '../../shared/safes';
import type { SendDraft } from '../../shared/tx';
import { cannotSign } from '../../shared/watchOnly';
import type { EventHub } from '../api/events';
import type { ChainConnection } from '../chains/chainsService';
import type { Logger } from '../log';
import { rpc } from '../rpc/jsonRpc';
import type { Account, AccountsRepository } from '../store/accountsRepository';
import { toChecksumAddress } from '../store/address';
import { safeCreation } from './safeCreationDraft';
import { describeSafeTx } from './safeActions';
import { followExecution } from './safeFollow';
import { readSafe, type SafeChainState } from './safeReader';
import type { SafeRow, SafesRepository } from './safesRepository';
import { type SafeTransactionFlowDeps, SafeTransactionFlow } from './safeTransactions';
import type { SafeTxRow } from './safeTransactionsRepository';
import { NOT_SIMULATED, type Simulation, safeTxView, safeView } from './safeViews';
import { chainRead, reasonOf, simulateFromSafe } from './safeChecks';

export interface SafesServiceOptions extends Omit<SafeTransactionFlowDeps, 'readFresh' | 'accounts' | 'now'> {
  safes: SafesRepository;
  accounts: Pick<AccountsRepository, 'get' | 'list'>;
  connection: (chainId: number) => Promise<ChainConnection>;
  events: EventHub;
  log: Logger;
  /** Called after the user changed a Safe or a Safe transaction here, so sync carries it soon. */
  onEdited?: () => void;
  now?: () => number;
}

/**
 * The Safes the wallet follows, read on the user's own RPC and nowhere else, and their transactions from
 * proposal to execution. Owners coordinate over the paired phone's session and state sync; no Safe service
 * is ever asked anything.
 */
export class SafesService {
  private readonly flow: SafeTransactionFlow;
  private readonly now: () => number;
  /** The latest simulation of each Safe transaction on this desktop, by its hash. */
  private readonly simulations = new Map<string, Simulation>();
  private timer: NodeJS.Timeout | null = null;
  private tracking: Promise<void> | null = null;

  constructor(private readonly options: SafesServiceOptions) {
    this.now = options.now ?? Date.now;
    this.flow = new SafeTransactionFlow({
      ...options,
      now: this.now,
      readFresh: (safeId) => this.readFresh(safeId),
    });
  }

  view(): SafesView {
    const { safes, transactions, accounts } = this.options;
    const rows = safes.list();
    const byId = new Map(rows.map((row) => [row.id, row]));
    const known = accounts.list();
    return {
      safes: rows.map((row) => safeView(row, known)),
      transactions: transactions.list().flatMap((tx) => {
        const safe = byId.get(tx.safeId);
        return safe ? [this.txView(tx, safe)] : [];
      }),
    };
  }

  async add({ chainId, address, name }: AddSafe): Promise<SafesView> {
    const checked = toChecksumAddress(address.trim());
    if (this.options.safes.byAddress(chainId, checked)) {
      throw new ApiError('conflict', `The wallet already follows the Safe ${checked} on this network.`);
    }
    const state = await chainRead(async () => readSafe(await this.options.connection(chainId), checked));
    const row = this.options.safes.add({ chainId, address: checked, name, deployment: null }, this.now());
    this.options.safes.setState(row.id, state, { status: 'ready', error: null }, this.now());
    return this.edited();
  }

  remove({ id }: SafeRef): SafesView {
    if (!this.options.safes.remove(id))
      throw new ApiError('not_found', 'That Safe is no longer in the wallet.');
    return this.edited();
  }

  /** Reads the Safe again, follows what it is waiting for, and simulates its open transactions again. */
  async refresh({ id }: SafeRef): Promise<SafesView> {
    await this.follow(this.safe(id));
    return this.changed();
  }

  async reviewCreate(request: CreateSafe): Promise<SafeCreationReview> {
    const { address, draft } = await this.creation(request);
    return { address, review: await this.options.tx.review(draft) };
  }

  /** Sends the creation transaction; the Safe is listed `deploying` until it is included and read. */
  async create(request: CreateSafe): Promise<SafesView> {
    const { address, draft } = await this.creation(request);
    const sent = await this.options.tx.send(draft);
    const row = this.options.safes.add(
      {
        chainId: request.chainId,
        address,
        name: request.name,
        deployment: { hash: sent.hash, outgoingId: sent.id },
      },
      this.now(),
    );
    await this.followQuietly(row);
    return this.edited();
  }

  reviewTransaction(request: ProposeSafeTx): Promise<SafeTxReview> {
    return chainRead(async () => {
      const review = await this.flow.review(request);
      this.simulations.set(review.safeTxHash, review.simulation);
      return review;
    });
  }

  async propose(request: ProposeSafeTx): Promise<SafeTxView> {
    const { row, review } = await chainRead(() => this.flow.propose(request));
    this.simulations.set(review.safeTxHash, review.simulation);
    return this.txChanged(row);
  }

  async confirm(request: ConfirmSafeTx): Promise<SafeTxView> {
    return this.txChanged(await chainRead(() => this.flow.confirm(request)));
  }

  reviewExecute(request: ExecuteSafeTx): Promise<TxReview> {
    return chainRead(() => this.flow.reviewExecute(request));
  }

  async execute(request: ExecuteSafeTx): Promise<SafeTxView> {
    const sent = await chainRead(() => this.flow.execute(request));
    await this.followQuietly(this.safe(sent.safeId));
    return this.txChanged(this.options.transactions.get(sent.id) ?? sent);
  }

  discard({ id }: SafeTxRef): SafesView {
    const tx = this.options.transactions.get(id);
    if (!tx) throw new ApiError('not_found', 'That Safe transaction is no longer in the wallet.');
    if (tx.status === 'executing') {
      throw new ApiError(
        'invalid_state',
        'This Safe transaction was sent; wait until it is included or replaced.',
      );
    }
    this.options.transactions.remove(id);
    return this.edited();
  }

  /** Resumes what a quit interrupted (deploying Safes, executions in flight), then every `intervalMs`. */
  start(intervalMs: number): void {
    this.stop();
    const tick = () => void this.track();
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Follows every Safe with something in flight; failures are logged and retried at the next tick. */
  track(): Promise<void> {
    // A slow node must not stack ticks: the one running is the one every caller waits for.
    this.tracking ??= this.followInFlight().finally(() => (this.tracking = null));
    return this.tracking;
  }

  private async followInFlight(): Promise<void> {
    const { safes, transactions } = this.options;
    const executing = new Set(
      transactions
        .list()
        .filter((tx) => tx.status === 'executing')
        .map((tx) => tx.safeId),
    );
    const waiting = safes.list().filter((row) => row.status === 'deploying' || executing.has(row.id));
    if (waiting.length === 0) return;
    const before = JSON.stringify(this.view());
    for (const row of waiting) await this.followQuietly(row);
    if (JSON.stringify(this.view()) !== before) this.changed();
  }

  /** Tells the page (and anything else listening) that Safes changed, e.g. after sync wrote some. */
  changed(): SafesView {
    const view = this.view();
    this.options.events.emit('safes.changed', view);
    return view;
  }

  /** A change made here: the screens hear of it, and so do the user's other desktops, through sync. */
  private edited(): SafesView {
    const view = this.changed();
    this.options.onEdited?.();
    return view;
  }

  private async followQuietly(row: SafeRow): Promise<void> {
    try {
      await this.follow(row);
    } catch (error) {
      this.options.log.warn('following a Safe failed', { safe: row.address, error: reasonOf(error) });
    }
  }

  /**
   * A deploying Safe becomes ready once it has code (or failed when its creation reverted); an execution in
   * flight settles on its receipt's event; open transactions are simulated again.
   */
  private async follow(row: SafeRow): Promise<void> {
    const connection = await this.options.connection(row.chainId);
    if (row.status === 'deploying' && row.deployment) {
      const receipt = await connection.client.send(
        rpc.getTransactionReceipt(row.deployment.hash),
        connection.signal,
      );
      if (receipt && receipt.status === 0n) {
        this.options.safes.setState(
          row.id,
          null,
          { status: 'failed', error: 'Its creation transaction failed.' },
          this.now(),
        );
        return;
      }
      const code = await connection.client.send(rpc.getCode(row.address, 'latest'), connection.signal);
      if (code === '0x') return;
    }
    const state = await this.read(row, connection);
    for (const tx of this.options.transactions.forSafe(row.id)) {
      if (tx.status === 'executing') await this.settle(tx, row, state, connection);
      else if (tx.status === 'collecting' || tx.status === 'ready') {
        this.simulations.set(tx.safeTxHash, await simulateFromSafe(connection, row.address, tx.fields));
      }
    }
  }

  private async settle(tx: SafeTxRow, row: SafeRow, state: SafeChainState, connection: ChainConnection) {
    const outcome = await followExecution(connection, row.address, tx, state.nonce);
    if (outcome === 'reverted') {
      this.options.transactions.setStatus(tx.id, 'ready', { execution: null }, this.now());
    } else if (outcome) {
      this.options.transactions.setStatus(tx.id, outcome, {}, this.now());
    }
  }

  private async readFresh(safeId: number) {
    const row = this.safe(safeId);
    if (row.status !== 'ready') {
      throw new ApiError(
        'invalid_state',
        `The Safe ${row.name} is ${row.status}; it cannot take transactions now.`,
      );
    }
    const connection = await this.options.connection(row.chainId);
    const state = await this.read(row, connection);
    return { row: this.safe(safeId), state, connection };
  }

  /** Reads the Safe on chain and stores it; a failed read is kept as the Safe's error and thrown. */
  private async read(row: SafeRow, connection: ChainConnection): Promise<SafeChainState> {
    try {
      const state = await readSafe(connection, row.address);
      this.options.safes.setState(row.id, state, { status: 'ready', error: null }, this.now());
      return state;
    } catch (error) {
      this.options.safes.setState(
        row.id,
        row.state,
        { status: row.status, error: reasonOf(error) },
        this.now(),
      );
      throw error;
    }
  }

  /** The proxy-factory call from the deployer for owners picked among the wallet's own accounts. */
  private async creation(request: CreateSafe): Promise<{ address: SafeRow['address']; draft: SendDraft }> {
    const { accounts, safes } = this.options;
    const owners = request.ownerAccountIds.map((id) => ownerAccount(accounts.get(id)));
    const deployer = accounts.get(request.deployerAccountId);
    if (deployer.signer === 'watch') throw cannotSign();
    const connection = await this.options.connection(request.chainId);
    const addresses = owners.map((owner) => owner.address);
    const plan = await chainRead(() =>
      safeCreation(connection, addresses, request.threshold, deployer.address),
    );
    if (safes.byAddress(request.chainId, plan.address)) {
      throw new ApiError('conflict', `The wallet already follows the Safe ${plan.address} on this network.`);
    }
    const draft: SendDraft = {
      accountId: deployer.id,
      chainId: request.chainId,
      to: plan.call.to,
      asset: 'native',
      amount: '0',
      data: plan.call.data,
    };
    return { address: plan.address, draft };
  }

  private txView(tx: SafeTxRow, safe: SafeRow): SafeTxView {
    const confirmations = this.options.transactions.confirmations(tx.id);
    const simulation = this.simulations.get(tx.safeTxHash) ?? NOT_SIMULATED;
    const described = safe.state
      ? describeSafeTx(tx.fields, safe.state, this.flow.names(safe.chainId))
      : { kind: tx.kind, summary: tx.summary, warnings: tx.warnings };
    return safeTxView(tx, safe, confirmations, simulation, described);
  }

  private txChanged(tx: SafeTxRow): SafeTxView {
    this.edited();
    return this.txView(tx, this.safe(tx.safeId));
  }

  private safe(id: number): SafeRow {
    const row = this.options.safes.get(id);
    if (!row) throw new ApiError('not_found', 'That Safe is no longer in the wallet.');
    return row;
  }
}

/** An owner must be a key this wallet signs with: a watch-only account cannot co-sign anything. */
function ownerAccount(account: Account): Account {
  if (account.signer === 'watch') {
    throw new ApiError(
      'invalid_request',
      `${account.label || account.address} is watch-only: a Safe owner must be a Ledger, Trezor or phone account.`,
    );
  }
  return account;
}
