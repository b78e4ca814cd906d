import { formatUnits, Interface, parseUnits, Transaction } from 'ethers';
import { ApiError } from '../../shared/api/envelope';
import type {
  AllowanceView,
  FeeOption,
  OutgoingView,
  RevokeRequest,
  SendDraft,
  SendReview,
} from '../../shared/tx';
import type { EventHub } from '../api/events';
import type { ChainConnection } from '../chains/chainsService';
import { rpc } from '../chains/jsonRpc';
import { RpcError } from '../chains/rpcError';
import { AddressNames } from '../history/addressNames';
import type { TokenLookup } from '../history/activity';
import type { Logger } from '../log';
import type { Account } from '../store/accountsRepository';
import { type ChecksumAddress, toChecksumAddress } from '../store/address';
import type { Repositories } from '../store/repositories';
import type { CheckedTransaction } from '../signers/signatureCheck';
import type { UnsignedTransaction } from '../signers/signer';
import { cannotSign } from '../signers/watchOnlySigner';
import { discoverApprovals } from './approvals/discoverApprovals';
import { readAllowances } from './approvals/readAllowances';
import { buildRevoke } from './approvals/revoke';
import { estimateFees } from './fees/feeEstimator';
import { type Eip1559Option, type FeeEstimate, type LegacyOption, totalCost } from './fees/feeRules';
import { isOpen, OutgoingRepository, type OutgoingTransaction } from './outgoingRepository';
import { OutgoingTransactions, type TransactionDraft } from './outgoingTransactions';
import { checkRecipient } from './recipient/checkRecipient';
import { RecipientError } from './recipient/resolveRecipient';

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

const ERC20 = new Interface(['function transfer(address to, uint256 amount)']);

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
    return found.flatMap((approval, index) => {
      const allowance = current[index];
      if (!allowance || allowance.amount === 0n) return [];
      const token = this.options.tokens(chainId, approval.token);
      return [
        {
          chainId,
          owner: approval.owner,
          token: approval.token,
          symbol: token?.symbol ?? null,
          decimals: token?.decimals ?? null,
          spender: approval.spender,
          spenderLabel: names.label(approval.spender),
          amount: allowance.amount?.toString() ?? null,
          unlimited: allowance.unlimited,
          approvedAt: approval.timestamp,
          blockNumber: approval.blockNumber,
        },
      ];
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

  private async prepare(input: SendDraft) {
    const draft = { ...input, speed: input.speed ?? 'normal' };
    const account = this.options.repositories.accounts.get(draft.accountId);
    const { chain, client, signal } = await this.connection(draft.chainId);
    const asset =
      draft.asset === 'native'
        ? { token: null, ...chain.nativeCurrency }
        : this.tokenAsset(draft.chainId, toChecksumAddress(draft.asset));
    let amount: bigint;
    try {
      amount = parseUnits(draft.amount, asset.decimals);
    } catch {
      throw new ApiError(
        'invalid_request',
        `${asset.symbol} has ${asset.decimals} decimals; the amount has more.`,
      );
    }
    const names = new AddressNames(this.options.repositories);
    const counterparties = this.options.counterparties(account.address);
    const recipient = await checkRecipient(draft.to, {
      from: account.address,
      addressBook: this.options.repositories.addressBook
        .usableOn(draft.chainId)
        .map(({ name, address }) => ({ name, address })),
      labels: this.options.repositories.labels.list().map(({ name, address }) => ({ name, address })),
      previousRecipients: [...this.sentTo(account.address), ...counterparties],
      knownAddresses: counterparties,
      tokenAddress: asset.token,
      isContract: async (address) => (await client.send(rpc.getCode(address, 'latest'), signal)) !== '0x',
    }).catch((error: unknown) => {
      if (error instanceof RecipientError) throw new ApiError('invalid_request', error.message);
      throw error;
    });
    const call = asset.token
      ? {
          to: asset.token,
          value: 0n,
          data: ERC20.encodeFunctionData('transfer', [recipient.address, amount]),
        }
      : { to: recipient.address, value: amount, data: '0x' };
    const estimate = await estimateFees(client, chain, { from: account.address, ...call }, signal).catch(
      (error: unknown) => {
        throw new ApiError(
          'invalid_request',
          `The network would not run this transaction: ${reasonOf(error)}`,
        );
      },
    );
    const option =
      draft.speed === 'custom' ? customOption(estimate, draft.custom) : estimate.options[draft.speed];
    const fees = {
      slow: feeOption(estimate, estimate.options.slow),
      normal: feeOption(estimate, estimate.options.normal),
      fast: feeOption(estimate, estimate.options.fast),
      custom: draft.speed === 'custom' ? feeOption(estimate, option) : null,
    };
    const chosen = feeOption(estimate, option);
    const review: SendReview = {
      chainId: draft.chainId,
      from: { accountId: account.id, address: account.address, label: account.label },
      to: {
        address: recipient.address,
        resolvedFrom: recipient.resolvedFrom,
        label: names.label(recipient.address),
      },
      asset: { token: asset.token, symbol: asset.symbol, decimals: asset.decimals },
      amount: amount.toString(),
      nonce: await this.outgoing.nextNonce(account.address, draft.chainId),
      gasLimit: estimate.gasLimit.toString(),
      fees,
      speed: draft.speed,
      nativeSymbol: chain.nativeCurrency.symbol,
      totalMax: (BigInt(chosen.max) + call.value).toString(),
      signer: this.signerOf(account, [
        { label: 'Amount', value: `${formatUnits(amount, asset.decimals)} ${asset.symbol}` },
        { label: 'To', value: recipient.address },
        {
          label: 'Max fees',
          value: `${formatUnits(chosen.max, chain.nativeCurrency.decimals)} ${chain.nativeCurrency.symbol}`,
        },
        { label: 'Network', value: chain.name },
      ]),
      cannotSign: account.signer === 'watch' ? cannotSign().message : null,
      warnings: recipient.warnings,
    };
    return { review, account, estimate, call, option };
  }

  private signerOf(account: Account, screen: { label: string; value: string }[]): SendReview['signer'] {
    if (account.signer === 'watch' || !account.deviceFingerprint) return null;
    const device = this.options.repositories.devices.get(account.deviceFingerprint);
    return {
      kind: account.signer,
      label: device?.name ?? account.signer,
      fingerprint: account.deviceFingerprint,
      screen,
    };
  }

  private tokenAsset(chainId: number, token: ChecksumAddress) {
    const info = this.options.tokens(chainId, token);
    if (!info)
      throw new ApiError(
        'invalid_request',
        'That token is not in your tokens on this network; add it first.',
      );
    return { token, symbol: info.symbol, decimals: info.decimals };
  }

  private sentTo(address: ChecksumAddress): ChecksumAddress[] {
    return this.repository.all().flatMap((row) => {
      if (row.address !== address) return [];
      const to = Transaction.from(row.raw).to;
      return to ? [toChecksumAddress(to)] : [];
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
    const parsed = Transaction.from(row.raw);
    const head = this.heads.get(row.chainId);
    return {
      id: row.id,
      chainId: row.chainId,
      from: row.address,
      hash: row.hash,
      nonce: row.nonce,
      purpose: row.purpose,
      replaces: row.replaces,
      status: row.status,
      blockNumber: row.blockNumber,
      confirmations:
        row.status === 'included' && row.blockNumber !== null && head !== undefined
          ? Math.max(1, head - row.blockNumber + 1)
          : null,
      reason: row.reason,
      to: parsed.to ? toChecksumAddress(parsed.to) : null,
      value: parsed.value.toString(),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  private trackingFailed(error: unknown): void {
    this.options.log.warn('following sent transactions failed', { error: reasonOf(error) });
  }
}

type FeeChoiceOption = Eip1559Option | LegacyOption;

function draftOf(
  chainId: number,
  call: { to: ChecksumAddress; value: bigint; data: string },
  estimate: FeeEstimate,
  option: FeeChoiceOption,
): TransactionDraft {
  const common = { chainId: BigInt(chainId), ...call, gasLimit: estimate.gasLimit };
  if ('gasPrice' in option) return { ...common, type: 0, gasPrice: option.gasPrice };
  return {
    ...common,
    type: 2,
    maxFeePerGas: option.maxFeePerGas,
    maxPriorityFeePerGas: option.maxPriorityFeePerGas,
  };
}

function feeOption(estimate: FeeEstimate, option: FeeChoiceOption): FeeOption {
  const { likely, max } = totalCost(estimate, option);
  return {
    maxFeePerGas: 'maxFeePerGas' in option ? option.maxFeePerGas.toString() : null,
    maxPriorityFeePerGas: 'maxPriorityFeePerGas' in option ? option.maxPriorityFeePerGas.toString() : null,
    gasPrice: 'gasPrice' in option ? option.gasPrice.toString() : null,
    likely: likely.toString(),
    max: max.toString(),
  };
}

/** The user's own fees, in gwei as typed; the tip defaults to the normal one and may not exceed the cap. */
function customOption(estimate: FeeEstimate, custom: SendDraft['custom']): FeeChoiceOption {
  if (!custom) throw new ApiError('invalid_request', 'A custom fee needs a max fee in gwei.');
  const cap = parseUnits(custom.maxFeeGwei, 'gwei');
  if (cap === 0n) throw new ApiError('invalid_request', 'A fee of zero gwei would never be mined.');
  if (estimate.kind === 'legacy') return { gasPrice: cap };
  const tip = custom.priorityFeeGwei
    ? parseUnits(custom.priorityFeeGwei, 'gwei')
    : estimate.options.normal.maxPriorityFeePerGas;
  if (tip > cap) throw new ApiError('invalid_request', 'The priority fee cannot be above the max fee.');
  return { maxFeePerGas: cap, maxPriorityFeePerGas: tip };
}

/** A chain that cannot be reached is the user's to know about, with its words, not an internal error. */
async function chainCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RpcError) throw new ApiError('chain_unavailable', error.message, { cause: error });
    throw error;
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
