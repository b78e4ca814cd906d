import { Transaction } from 'ethers';
import { ApiError } from '../../shared/api/envelope';
import type { ReviewPurpose, TxReview } from '../../shared/review';
import type { ChainConnection } from '../chains/chainsService';
import { rpc, type RpcReceipt, type RpcRequest } from '../rpc/jsonRpc';
import { RpcError } from '../rpc/rpcError';
import type { CheckedTransaction } from '../signers/signatureCheck';
import type { UnsignedTransaction } from '../signers/signer';
import type { Account } from '../store/accountsRepository';
import { type ChecksumAddress, toChecksumAddress } from '../store/address';
import { bumpFees } from './feeBump';
import {
  isOpen,
  type OutgoingPurpose,
  type OutgoingRepository,
  type OutgoingTransaction,
} from './outgoingRepository';
import { revertReason } from '../review/simulation/revertReason';
import { txRpc } from './txRpc';

/** A transaction to send, before a nonce is chosen: the fee fields of one kind or the other. */
export type TransactionDraft = UnsignedTransaction extends infer T
  ? T extends UnsignedTransaction
    ? Omit<T, 'nonce'>
    : never
  : never;

/** A contract call is stored as a send: the outgoing list tells sends, revokes and replacements apart. */
function purposeOf(purpose: ReviewPurpose): OutgoingPurpose {
  return purpose === 'call' ? 'send' : purpose;
}

export interface OutgoingOptions {
  repository: OutgoingRepository;
  accounts: { get(id: number): Account; list(): Account[] };
  /** Signs on the account's device, showing the review beside its lines, and checks the signature. */
  sign: (
    accountId: number,
    transaction: UnsignedTransaction,
    review: TxReview,
  ) => Promise<CheckedTransaction>;
  connection: (chainId: number) => Promise<ChainConnection>;
  now?: () => number;
}

/**
 * Sending, from signature to settlement. Every step is written before the next: a transaction is stored
 * signed before it is broadcast, so a crash mid-broadcast is finished on the next start with the same bytes,
 * never signed again. Nonces come from the node's pending count and this wallet's own open transactions,
 * whichever is higher, so none is reused by accident.
 */
export class OutgoingTransactions {
  private readonly now: () => number;

  constructor(private readonly options: OutgoingOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Signs what a review described, at the nonce it named, and broadcasts it; `replaces` for a speed-up or cancel. */
  async send(
    accountId: number,
    transaction: UnsignedTransaction,
    review: TxReview,
    replaces: number | null = null,
  ): Promise<OutgoingTransaction> {
    const account = this.options.accounts.get(accountId);
    return this.signAndBroadcast(account, transaction, purposeOf(review.purpose), replaces, review);
  }

  /**
   * What a speed-up or cancel of an open transaction would sign: the same nonce with every fee raised by the
   * network's minimum bump; a cancel sends nothing to the account itself instead.
   */
  replacement(id: number, mode: 'speed-up' | 'cancel') {
    const original = this.pending(id);
    const account = this.accountOf(original);
    const previous = unsignedOf(original);
    const bumped = bumpFees(previous);
    const transaction: UnsignedTransaction =
      mode === 'speed-up'
        ? bumped
        : { ...bumped, to: account.address, value: 0n, data: '0x', gasLimit: 21_000n };
    return { original, account, previous, transaction };
  }

  /** On start: broadcasts what was signed but maybe never sent, then follows everything still open. */
  async resume(): Promise<void> {
    for (const open of this.options.repository.open()) {
      if (open.status === 'signed') await this.broadcast(open).catch(() => undefined);
    }
    await this.track();
  }

  /** Settles open transactions: included, failed with the reason, replaced by ours, or taken by another. */
  async track(): Promise<OutgoingTransaction[]> {
    const open = this.pendingRows();
    await this.follow(
      open.map((row) => row.chainId),
      new Map(),
    );
    return open.map((row) => this.options.repository.get(row.id) as OutgoingTransaction);
  }

  /**
   * Settles the open transactions on `chainIds` as `track` does, and reads into `heads` the head of each of
   * those chains: one request per chain, since a send left pending is asked about every few seconds. Throws
   * the first failure once every chain had its turn; a failing node must not stop the others being followed,
   * and what failed stays pending.
   */
  async follow(chainIds: readonly number[], heads: Map<number, number>): Promise<void> {
    const open = this.pendingRows();
    const failures: unknown[] = [];
    for (const chainId of new Set(chainIds)) {
      const rows = open.filter((row) => row.chainId === chainId);
      await this.followChain(chainId, rows, heads).catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) throw failures[0];
  }

  private async signAndBroadcast(
    account: Account,
    transaction: UnsignedTransaction,
    purpose: OutgoingPurpose,
    replaces: number | null,
    review: TxReview,
  ): Promise<OutgoingTransaction> {
    const signed = await this.options.sign(account.id, transaction, review);
    const row = this.options.repository.add(
      {
        address: account.address,
        chainId: Number(transaction.chainId),
        nonce: transaction.nonce,
        hash: signed.hash,
        raw: signed.serialized,
        purpose,
        replaces,
      },
      this.now(),
    );
    await this.broadcast(row);
    return this.options.repository.get(row.id) as OutgoingTransaction;
  }

  /**
   * Idempotent by hash: a node that already has the transaction (a retry, a resumed start) is success. A
   * nonce the chain has used for another transaction is reported as such, and nothing is re-signed.
   */
  private async broadcast(row: OutgoingTransaction): Promise<void> {
    const { client, signal } = await this.options.connection(row.chainId);
    try {
      await client.send(txRpc.sendRawTransaction(row.raw), signal);
    } catch (error) {
      // A lookup that failed tells nothing: the broadcast's own error stands, and nothing is concluded.
      const known = await client.send(rpc.getTransactionByHash(row.hash), signal).catch(() => {
        throw error;
      });
      if (!known) {
        if (
          error instanceof RpcError &&
          error.code === 'rpc' &&
          /nonce too low|already been used/i.test(error.message)
        ) {
          this.options.repository.setStatus(row.id, 'dropped', { reason: nonceTaken(row.nonce) }, this.now());
          throw new ApiError('conflict', nonceTaken(row.nonce), { cause: error });
        }
        throw error;
      }
    }
    this.options.repository.setStatus(row.id, 'pending', {}, this.now());
  }

  private pendingRows(): OutgoingTransaction[] {
    return this.options.repository.open().filter((row) => row.status === 'pending');
  }

  /**
   * Each row's receipt and its sender's mined nonce, then the head, in one batch: the head is read last, so
   * no receipt names a block past it.
   */
  private async followChain(
    chainId: number,
    rows: readonly OutgoingTransaction[],
    heads: Map<number, number>,
  ): Promise<void> {
    const { client, signal } = await this.options.connection(chainId);
    const lookups: RpcRequest<unknown>[] = rows.flatMap((row) => [
      rpc.getTransactionReceipt(row.hash),
      rpc.getTransactionCount(row.address, 'latest'),
    ]);
    const answers = await client.sendBatch([...lookups, rpc.blockNumber()], signal);
    heads.set(chainId, Number(answers.at(-1) as bigint));
    const failures: unknown[] = [];
    for (const [index, row] of rows.entries()) {
      const found = {
        receipt: answers[2 * index] as RpcReceipt | null,
        mined: answers[2 * index + 1] as bigint,
      };
      await this.settle(row, found, { client, signal }).catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) throw failures[0];
  }

  private async settle(
    row: OutgoingTransaction,
    { receipt, mined }: { receipt: RpcReceipt | null; mined: bigint },
    { client, signal }: Pick<ChainConnection, 'client' | 'signal'>,
  ): Promise<void> {
    const repository = this.options.repository;
    if (receipt) {
      const blockNumber = Number(receipt.blockNumber);
      if (receipt.status === 1n) {
        repository.setStatus(row.id, 'included', { blockNumber }, this.now());
      } else {
        repository.setStatus(
          row.id,
          'failed',
          { blockNumber, reason: await this.reason(row, blockNumber) },
          this.now(),
        );
      }
      // Whatever else this wallet sent at that nonce can never be mined now.
      for (const sibling of repository.forSender(row.address, row.chainId)) {
        if (sibling.nonce === row.nonce && sibling.id !== row.id && sibling.status === 'pending') {
          repository.setStatus(sibling.id, 'replaced', { reason: `Replaced by ${row.hash}.` }, this.now());
        }
      }
      return;
    }
    if (mined <= BigInt(row.nonce)) return;
    // A node may count the nonce as used a moment before it serves the receipt, or while the transaction is
    // still in its pool (anvil mid-block, or a load balancer between nodes): one it knows is ours, and its
    // receipt is coming. A lookup that fails fails this poll; "dropped" is never concluded from an error.
    if (await client.send(rpc.getTransactionByHash(row.hash), signal)) return;
    // The nonce is used, but by none of this wallet's transactions that a receipt shows: settle it once the
    // siblings had their turn, so a replacement of ours is not mistaken for someone else's.
    const siblings = repository.forSender(row.address, row.chainId).filter((s) => s.nonce === row.nonce);
    for (const sibling of siblings) {
      if (sibling.id === row.id) continue;
      const theirs = await client.send(rpc.getTransactionReceipt(sibling.hash), signal);
      if (theirs) {
        repository.setStatus(row.id, 'replaced', { reason: `Replaced by ${sibling.hash}.` }, this.now());
        return;
      }
    }
    repository.setStatus(row.id, 'dropped', { reason: nonceTaken(row.nonce) }, this.now());
  }

  private async reason(row: OutgoingTransaction, blockNumber: number): Promise<string> {
    const { client, signal } = await this.options.connection(row.chainId);
    const transaction = Transaction.from(row.raw);
    try {
      await client.send(
        txRpc.replay(
          {
            from: row.address,
            to: transaction.to,
            data: transaction.data,
            value: transaction.value,
            gas: transaction.gasLimit,
          },
          blockNumber - 1,
        ),
        signal,
      );
      return 'The transaction failed, but replaying it does not: the state it ran on changed in its block.';
    } catch (error) {
      if (error instanceof RpcError && error.code === 'rpc') return revertReason(error.rpcData);
      return 'The transaction failed; the node did not say why.';
    }
  }

  async nextNonce(address: ChecksumAddress, chainId: number): Promise<number> {
    const { client, signal } = await this.options.connection(chainId);
    const chainNonce = Number(await client.send(txRpc.pendingNonce(address), signal));
    const open = this.options.repository.forSender(address, chainId).filter((row) => isOpen(row.status));
    const local = open.length > 0 ? Math.max(...open.map((row) => row.nonce)) + 1 : 0;
    return Math.max(chainNonce, local);
  }

  private pending(id: number): OutgoingTransaction {
    const row = this.options.repository.get(id);
    if (!row) throw new ApiError('not_found', 'That transaction is not one this wallet sent.');
    if (row.status !== 'pending') {
      throw new ApiError(
        'invalid_state',
        `That transaction is ${row.status}, so it can no longer be replaced.`,
      );
    }
    return row;
  }

  /** The account that sent it; a watch-only twin of the same address cannot sign, so it is passed over. */
  private accountOf(row: OutgoingTransaction): Account {
    const account = this.options.accounts
      .list()
      .find((candidate) => candidate.address === row.address && candidate.signer !== 'watch');
    if (!account)
      throw new ApiError('not_found', 'The account that sent this transaction is no longer in the wallet.');
    return account;
  }
}

function unsignedOf(row: OutgoingTransaction): UnsignedTransaction {
  const parsed = Transaction.from(row.raw);
  const common = {
    chainId: parsed.chainId,
    nonce: parsed.nonce,
    to: parsed.to === null ? null : toChecksumAddress(parsed.to),
    value: parsed.value,
    data: parsed.data,
    gasLimit: parsed.gasLimit,
  };
  return parsed.type === 2
    ? {
        ...common,
        type: 2,
        maxFeePerGas: parsed.maxFeePerGas ?? 0n,
        maxPriorityFeePerGas: parsed.maxPriorityFeePerGas ?? 0n,
      }
    : { ...common, type: 0, gasPrice: parsed.gasPrice ?? 0n };
}

function nonceTaken(nonce: number): string {
  return (
    `Nonce ${nonce} was used by another transaction from this account, sent elsewhere (another wallet, ` +
    'or a paired phone). This one can no longer be mined.'
  );
}
