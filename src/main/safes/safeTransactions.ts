import { zeroAddress } from 'viem';
import { ApiError } from '../../shared/api/envelope';
import type { TxReview } from '../../shared/review';
import type {
  ConfirmSafeTx,
  ExecuteSafeTx,
  ProposeSafeTx,
  SafeAction,
  SafeTxFields,
  SafeTxReview,
} from '../../shared/safes';
import type { OutgoingView, SendDraft } from '../../shared/tx';
import { cannotSign } from '../../shared/watchOnly';
import type { ChainConnection } from '../chains/chainsService';
import type { SignersService } from '../signers/signersService';
import type { Account, AccountsRepository } from '../store/accountsRepository';
import { type ChecksumAddress, toChecksumAddress } from '../store/address';
import { encodeExecTransaction } from './execTransaction';
import { type Asset, buildSafeCall, describeSafeTx, type SafeTxNames } from './safeActions';
import { checkExecutionCall, checkHashOnChain, simulateFromSafe } from './safeChecks';
import { MAX_WARNINGS } from './safeViews';
import type { SafeChainState } from './safeReader';
import { checkSignatures, packSignatures } from './safeSignatures';
import type { SafeRow } from './safesRepository';
import type { SafeTransactionsRepository, SafeTxRow } from './safeTransactionsRepository';
import { safeTxHash, safeTxTypedData } from './safeTxHash';

/** Statuses in which a Safe transaction still waits for signatures or execution. */
const OPEN = new Set(['collecting', 'ready']);

/** What a Safe transaction is described with: the chain's coin, the tokens and the names the wallet knows. */
export interface SafeTxLookups {
  /** A token the wallet lists on a chain, by its contract address. */
  tokens: (chainId: number, address: string) => Asset | undefined;
  nameOf: (address: string) => string | null;
  /** The chain's coin, when the wallet knows the chain. */
  nativeOf: (chainId: number) => Asset | null;
}

/** The lookups for one chain, as describeSafeTx takes them. */
export function safeTxNames(lookups: SafeTxLookups, chainId: number): SafeTxNames {
  return {
    symbolOf: (token) =>
      token === 'native' ? lookups.nativeOf(chainId) : (lookups.tokens(chainId, token) ?? null),
    nameOf: (address) => lookups.nameOf(address),
  };
}

export interface SafeTransactionFlowDeps extends SafeTxLookups {
  transactions: SafeTransactionsRepository;
  accounts: Pick<AccountsRepository, 'get'>;
  /** The device a fingerprint names, for the phone's list of who signed on what. */
  deviceName: (fingerprint: string | null) => string | null;
  /** A Safe the wallet follows, read fresh on chain (and stored). */
  readFresh: (
    safeId: number,
  ) => Promise<{ row: SafeRow; state: SafeChainState; connection: ChainConnection }>;
  signers: Pick<SignersService, 'signSafeTransaction'>;
  tx: { review(draft: SendDraft): Promise<TxReview>; send(draft: SendDraft): Promise<OutgoingView> };
  now: () => number;
}

/**
 * A Safe transaction's life here: built from an action at the Safe's next free nonce and checked against the
 * Safe's own hash, signed by owners one by one (each signature checked), and executed only after the nonce,
 * the hash and every signature were checked again against the Safe as it is on chain now.
 */
export class SafeTransactionFlow {
  constructor(private readonly deps: SafeTransactionFlowDeps) {}

  async review({ safeId, action }: ProposeSafeTx): Promise<SafeTxReview> {
    const { row, state, connection } = await this.deps.readFresh(safeId);
    const fields = this.fields(row, state, action as SafeAction, connection.chain.nativeCurrency);
    const hash = safeTxHash(row.chainId, row.address, fields);
    await checkHashOnChain(connection, row.address, fields, hash);
    const described = describeSafeTx(fields, state, this.names(row.chainId));
    return {
      safeId,
      safe: row.address,
      chainId: row.chainId,
      tx: fields,
      safeTxHash: hash,
      kind: described.kind,
      summary: described.summary,
      warnings: described.warnings.slice(0, MAX_WARNINGS),
      simulation: await simulateFromSafe(connection, row.address, fields),
      threshold: state.threshold,
    };
  }

  /** The coin, tokens and names a Safe transaction on this chain is described with. */
  names(chainId: number): SafeTxNames {
    return safeTxNames(this.deps, chainId);
  }

  /** Kept unsigned; a review of the same SafeTx proposed twice is refused by its hash. */
  async propose(request: ProposeSafeTx): Promise<{ row: SafeTxRow; review: SafeTxReview }> {
    const review = await this.review(request);
    if (this.deps.transactions.byHash(review.safeTxHash)) {
      throw new ApiError('conflict', 'This Safe transaction is already in the list.');
    }
    const { safeId, safeTxHash: hash, tx: fields, kind, summary, warnings } = review;
    const row = this.deps.transactions.add(
      { safeId, safeTxHash: hash, fields, kind, summary, warnings },
      this.deps.now(),
    );
    return { row, review };
  }

  /** One owner signs; the phone is sent the decoded request with who signed so far and the warnings. */
  async confirm({ id, accountId, allowBlindSigning = false }: ConfirmSafeTx): Promise<SafeTxRow> {
    const tx = this.open(id);
    const { row, state } = await this.deps.readFresh(tx.safeId);
    this.refuseNonce(tx, state);
    this.refuseTampered(tx, row);
    const account = this.ownerAccount(accountId, state);
    const confirmations = this.deps.transactions.confirmations(id);
    if (confirmations.some((confirmation) => confirmation.owner === account.address)) {
      throw new ApiError(
        'conflict',
        `${account.label || account.address} has already signed this Safe transaction.`,
      );
    }
    const signed = await this.deps.signers.signSafeTransaction(
      account.id,
      {
        chainId: row.chainId,
        safe: state,
        fields: tx.fields,
        safeTxHash: tx.safeTxHash,
        typedData: safeTxTypedData(row.chainId, row.address, tx.fields),
        confirmations: confirmations.map(({ owner, signer }) => ({
          owner,
          device: (this.deps.deviceName(signer.fingerprint) ?? signer.label) || signer.kind,
        })),
        warnings: describeSafeTx(tx.fields, state, this.names(row.chainId)).warnings,
      },
      { allowBlindSigning },
    );
    this.deps.transactions.addConfirmation(id, { owner: account.address, ...signed });
    const owners = new Set(state.owners);
    const count = this.deps.transactions.confirmations(id).filter(({ owner }) => owners.has(owner)).length;
    const status = count >= state.threshold ? 'ready' : 'collecting';
    return this.deps.transactions.setStatus(id, status, {}, this.deps.now());
  }

  /** The execTransaction the executor would send, reviewed like any transaction; nothing is sent. */
  async reviewExecute(request: ExecuteSafeTx): Promise<TxReview> {
    return this.deps.tx.review(await this.executionDraft(request));
  }

  /** Everything is checked again, then execTransaction is sent from the executor, who pays the gas. */
  async execute(request: ExecuteSafeTx): Promise<SafeTxRow> {
    const draft = await this.executionDraft(request);
    const sent = await this.deps.tx.send(draft);
    const execution = { hash: sent.hash, by: toChecksumAddress(sent.from), outgoingId: sent.id };
    return this.deps.transactions.setStatus(request.id, 'executing', { execution }, this.deps.now());
  }

  /**
   * Refuses, before anything is sent: a nonce that is not the Safe's current one, fields that no longer hash
   * to what the owners signed, a signature that is not a current owner's, fewer than the threshold; then the
   * call itself must go through from the executor.
   */
  private async executionDraft({ id, executorAccountId }: ExecuteSafeTx): Promise<SendDraft> {
    const tx = this.found(id);
    if (tx.status === 'executing' || tx.status === 'executed' || tx.status === 'failed') {
      throw new ApiError('invalid_state', 'This Safe transaction was already sent. Nothing was sent again.');
    }
    const { row, state, connection } = await this.deps.readFresh(tx.safeId);
    this.refuseNonce(tx, state);
    this.refuseTampered(tx, row);
    const signatures = this.deps.transactions
      .confirmations(id)
      .map(({ owner, signature }) => ({ owner, signature }));
    checkSignatures(tx.safeTxHash as `0x${string}`, signatures, {
      owners: state.owners,
      threshold: state.threshold,
    });
    const executor = this.deps.accounts.get(executorAccountId);
    if (executor.signer === 'watch') throw cannotSign();
    const data = encodeExecTransaction(tx.fields, packSignatures(signatures));
    await checkExecutionCall(connection, executor.address, row.address, data);
    return {
      accountId: executor.id,
      chainId: row.chainId,
      to: row.address,
      asset: 'native',
      amount: '0',
      data,
    };
  }

  /** At the Safe's nonce, or after the ones this wallet already keeps for it that are still open. */
  private fields(row: SafeRow, state: SafeChainState, action: SafeAction, native: Asset): SafeTxFields {
    const asset =
      action.kind !== 'send'
        ? null
        : action.asset === 'native'
          ? native
          : this.token(row.chainId, action.asset);
    const call = buildSafeCall(action, state, asset);
    const taken = this.deps.transactions
      .forSafe(row.id)
      .filter((tx) => OPEN.has(tx.status) && tx.fields.nonce >= state.nonce)
      .map((tx) => tx.fields.nonce);
    return {
      to: toChecksumAddress(call.to),
      value: call.value.toString(),
      data: call.data.toLowerCase(),
      operation: call.operation,
      safeTxGas: '0',
      baseGas: '0',
      gasPrice: '0',
      gasToken: zeroAddress,
      refundReceiver: zeroAddress,
      nonce: Math.max(state.nonce, ...taken.map((nonce) => nonce + 1)),
    };
  }

  private token(chainId: number, address: string): Asset {
    const token = this.deps.tokens(chainId, address);
    if (!token) {
      throw new ApiError(
        'not_a_token',
        `${address} is not a token this wallet lists on this network. Add it under Tokens first.`,
      );
    }
    return token;
  }

  private refuseNonce(tx: SafeTxRow, state: SafeChainState): void {
    const { nonce } = tx.fields;
    if (nonce < state.nonce) {
      throw new ApiError(
        'invalid_state',
        `Nonce ${nonce} was already used by another transaction of this Safe, so this one can never be ` +
          'executed. Discard it. Nothing was sent.',
      );
    }
    if (nonce > state.nonce) {
      throw new ApiError(
        'invalid_state',
        `This Safe transaction has nonce ${nonce} and waits for nonce ${state.nonce} to be executed first. ` +
          'Nothing was sent.',
      );
    }
  }

  /** What is stored must still hash to what was reviewed and signed: a changed field is never sent. */
  private refuseTampered(tx: SafeTxRow, row: SafeRow): void {
    if (safeTxHash(row.chainId, row.address, tx.fields) === tx.safeTxHash.toLowerCase()) return;
    throw new ApiError(
      'invalid_state',
      'This Safe transaction was changed after it was reviewed: its fields no longer match the Safe ' +
        'transaction hash the owners signed. Discard it. Nothing was signed or sent.',
    );
  }

  private ownerAccount(accountId: number, state: SafeChainState): Account {
    const account = this.deps.accounts.get(accountId);
    if (account.signer === 'watch') throw cannotSign();
    if (!state.owners.includes(account.address as ChecksumAddress)) {
      throw new ApiError(
        'invalid_request',
        `${account.label || account.address} (${account.address}) is not an owner of this Safe.`,
      );
    }
    return account;
  }

  private open(id: number): SafeTxRow {
    const tx = this.found(id);
    if (!OPEN.has(tx.status)) {
      throw new ApiError(
        'invalid_state',
        `This Safe transaction is ${tx.status}; it takes no more signatures.`,
      );
    }
    return tx;
  }

  private found(id: number): SafeTxRow {
    const tx = this.deps.transactions.get(id);
    if (!tx) throw new ApiError('not_found', 'That Safe transaction is no longer in the wallet.');
    return tx;
  }
}
