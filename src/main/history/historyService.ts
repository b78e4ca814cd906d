import type { Database } from 'better-sqlite3';
import { formatUnits } from 'ethers';
import {
  HistoryQuery,
  type HistoryEntryView,
  type HistoryPage,
  type HistorySyncState,
} from '../../shared/history';
import type { EventHub } from '../api/events';
import type { ChainConnection } from '../chains/chainsService';
import type { RpcClient } from '../rpc/rpcClient';
import type { Logger } from '../log';
import type { ChecksumAddress } from '../store/address';
import type { Repositories } from '../store/repositories';
import type { DecodedActivity, TokenLookup } from './activity';
import type { SafeExecution } from './historyEntryView';
import { AddressNames } from '../store/addressNames';
import { HistoryIndexer } from './historyIndexer';
import { HistoryRepository } from './historyRepository';
import type { HistoryProvider, RawTransaction, TransactionRef } from './rawTransaction';

export interface HistoryServiceOptions {
  db: Database;
  repositories: Pick<Repositories, 'accounts' | 'labels' | 'addressBook' | 'signatures' | 'devices'>;
  /** The enabled chains' clients, once the chains service matches the settings. */
  connections: () => Promise<ChainConnection[]>;
  chooseProvider: (connection: ChainConnection) => Promise<HistoryProvider>;
  decode: (transaction: RawTransaction, account: ChecksumAddress, tokens: TokenLookup) => DecodedActivity;
  fetch: (client: RpcClient, refs: TransactionRef[], signal?: AbortSignal) => Promise<RawTransaction[]>;
  tokens: TokenLookup;
  events: EventHub;
  log: Logger;
  /** The Safe transaction an execTransaction of the wallet's carried, from the Safes service. */
  safeExecution?: (chainId: number, hash: string) => SafeExecution | null;
  /** Blocks after which an entry is final (12 by default). */
  confirmations?: number;
  windowBlocks?: number;
  now?: () => number;
}

type Filters = Omit<HistoryQuery, 'limit' | 'after'>;

/**
 * The wallet's history: syncs every enabled chain through its provider (chains at once, one run per chain at
 * a time), and serves the timeline, its filters and its CSV export from the store.
 */
export class HistoryService {
  private readonly repository: HistoryRepository;
  private readonly indexer: HistoryIndexer;
  private readonly states = new Map<number, HistorySyncState>();
  private readonly running = new Map<number, Promise<HistorySyncState>>();
  private providers = new WeakMap<RpcClient, Promise<HistoryProvider>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: HistoryServiceOptions) {
    this.repository = new HistoryRepository(options.db, options.tokens);
    this.indexer = new HistoryIndexer({
      db: options.db,
      repository: this.repository,
      decode: options.decode,
      fetch: options.fetch,
      tokens: options.tokens,
      windowBlocks: options.windowBlocks,
      now: options.now,
    });
  }

  async status(): Promise<HistorySyncState[]> {
    const connections = await this.options.connections();
    return connections.map(({ chain }) => this.states.get(chain.id) ?? idle(chain.id));
  }

  /** Syncs every enabled chain now; resolves when each has finished or failed, never rejects. */
  async sync(): Promise<HistorySyncState[]> {
    const connections = await this.options.connections();
    return Promise.all(connections.map((connection) => this.syncChain(connection)));
  }

  /**
   * Syncs these chains once any run already on them ends: a run that started before a block was mined may
   * have read the head before it, and the user just watched a transaction of theirs land in that block.
   */
  async syncAfterCurrent(chainIds: readonly number[]): Promise<void> {
    await Promise.all(chainIds.map((chainId) => this.running.get(chainId)));
    const connections = await this.options.connections();
    await Promise.all(
      connections
        .filter((connection) => chainIds.includes(connection.chain.id))
        .map((connection) => this.syncChain(connection)),
    );
  }

  /** Syncs at once and then every `intervalMs`, while there are accounts. */
  start(intervalMs: number): void {
    this.stop();
    const tick = () => {
      if (this.options.repositories.accounts.list().length > 0) void this.sync();
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Forgets every chain's provider, for when the sources the user allows change: the next run chooses again.
   * A run already under way finishes with the provider it has.
   */
  resetProviders(): void {
    this.providers = new WeakMap();
  }

  counterparties(account: string): string[] {
    return this.repository.counterparties(account);
  }

  page(input: HistoryQuery): HistoryPage {
    const query = HistoryQuery.parse(input);
    const names = new AddressNames(this.options.repositories);
    const accounts = this.options.repositories.accounts.list().map((account) => account.address);
    const search = query.search?.trim();
    return this.repository.page(
      query,
      accounts,
      this.decorations(names),
      search ? names.matching(search) : [],
    );
  }

  /**
   * Every entry the filters match, newest first, as CSV with amounts in whole units. The counterparty is
   * the decoded one (a token's recipient, not its contract); a transfer between the wallet's own accounts
   * is one row of kind `between-accounts`, from the sender's side.
   */
  exportCsv(filters: Filters): { fileName: string; contents: string } {
    const rows = [CSV_HEADER];
    let after: string | undefined;
    do {
      const page = this.page({ ...filters, limit: 200, after });
      rows.push(...page.entries.map(csvRow));
      after = page.next ?? undefined;
    } while (after);
    const date = new Date(this.options.now?.() ?? Date.now()).toISOString().slice(0, 10);
    return { fileName: `ledgerline-history-${date}.csv`, contents: `${rows.join('\r\n')}\r\n` };
  }

  private syncChain(connection: ChainConnection): Promise<HistorySyncState> {
    const chainId = connection.chain.id;
    let run = this.running.get(chainId);
    if (!run) {
      run = this.runChain(connection).finally(() => this.running.delete(chainId));
      this.running.set(chainId, run);
    }
    return run;
  }

  private async runChain(connection: ChainConnection): Promise<HistorySyncState> {
    const chainId = connection.chain.id;
    const accounts = this.options.repositories.accounts.list().map(({ id, address }) => ({ id, address }));
    let provider: HistoryProvider | null = null;
    try {
      provider = await this.providerFor(connection);
      // How far it got last time stays shown while this run catches up.
      this.report({
        ...idle(chainId),
        ...this.states.get(chainId),
        state: 'syncing',
        provider: provider.name,
        message: null,
      });
      const changed = await this.indexer.sync({
        connection,
        provider,
        confirmations: this.options.confirmations ?? 12,
        accounts,
        onProgress: (state) => this.report(state),
        // The first whole transactions are worth showing while the rest is read.
        onStored: () => this.options.events.emit('history.changed', { chainIds: [chainId] }),
      });
      const last = this.states.get(chainId);
      const done = this.report({
        ...idle(chainId),
        ...last,
        state: 'synced',
        provider: provider.name,
        message: null,
      });
      if (changed > 0) this.options.events.emit('history.changed', { chainIds: [chainId] });
      return done;
    } catch (error) {
      if (connection.signal.aborted) return this.states.get(chainId) ?? idle(chainId);
      const message = error instanceof Error ? error.message : 'History could not be read.';
      this.options.log.warn('history sync failed', { chainId, provider: provider?.name ?? null });
      return this.report({ ...idle(chainId), ...this.states.get(chainId), state: 'failed', message });
    }
  }

  private providerFor(connection: ChainConnection): Promise<HistoryProvider> {
    let provider = this.providers.get(connection.client);
    if (!provider) {
      provider = this.options.chooseProvider(connection);
      this.providers.set(connection.client, provider);
      // A probe that failed (endpoint down) is asked again on the next run.
      provider.catch(() => this.providers.delete(connection.client));
    }
    return provider;
  }

  private report(state: HistorySyncState): HistorySyncState {
    this.states.set(state.chainId, state);
    this.options.events.emit('history.progress', state);
    return state;
  }

  private decorations(names: AddressNames) {
    const { signatures, devices } = this.options.repositories;
    return {
      label: (address: string) => names.label(address),
      signedBy: (hash: string): HistoryEntryView['signedBy'] => {
        const [signature] = signatures.byDigest(hash);
        if (!signature) return null;
        const device = devices.get(signature.deviceFingerprint);
        return {
          kind: signature.signer,
          label: device?.name ?? signature.signer,
          fingerprint: signature.deviceFingerprint,
          signedAt: signature.signedAt,
        };
      },
      safeExecution: (chainId: number, hash: string): HistoryEntryView['safe'] => {
        const execution = this.options.safeExecution?.(chainId, hash);
        if (!execution) return null;
        const signers = execution.signers.map((signer) => ({
          ...signer,
          ownerLabel: names.label(signer.owner),
        }));
        return { ...execution, signers };
      },
    };
  }
}

function idle(chainId: number): HistorySyncState {
  return { chainId, state: 'idle', provider: null, indexedBlock: null, headBlock: null, message: null };
}

const CSV_HEADER =
  'date,chain_id,hash,account,kind,status,assets,counterparty,counterparty_label,fee_wei,signed_by,note';

function csvRow(entry: HistoryEntryView): string {
  const assets = entry.assets
    .map((asset) => {
      const amount = asset.decimals === null ? asset.amount : formatUnits(asset.amount, asset.decimals);
      return `${asset.direction === 'out' ? '-' : '+'}${amount} ${asset.symbol ?? asset.token ?? 'native'}`;
    })
    .join('; ');
  const signedBy = entry.signedBy ? `${entry.signedBy.label} (${entry.signedBy.fingerprint})` : '';
  return [
    new Date(entry.timestamp * 1000).toISOString(),
    String(entry.chainId),
    entry.hash,
    entry.account,
    entry.betweenAccounts ? 'between-accounts' : entry.kind,
    entry.status,
    assets,
    entry.counterparty ?? entry.to ?? '',
    entry.counterpartyLabel ?? '',
    entry.fee ?? '',
    signedBy,
  ]
    .map(csvField)
    .concat(csvField(defuseText(entry.note ?? '')))
    .join(',');
}

/**
 * Free text the user typed is never a number to keep as one: any leading formula character is defused, even
 * before a digit ("-1+cmd|…" must not run), which csvField lets through for signed amounts.
 */
function defuseText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Quotes what needs it, and defuses cells a spreadsheet would run as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
