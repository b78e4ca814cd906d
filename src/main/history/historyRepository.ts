import type { Database } from 'better-sqlite3';
import type { HistoryPage } from '../../shared/history';
import type { ChainCursor } from '../store/chainCursorsRepository';
import { ChainCursorsRepository } from '../store/chainCursorsRepository';
import type { DecodedActivity, TokenLookup } from './activity';
import { BridgeLegsRepository } from './bridgeLegsRepository';
import { type EntryDecorations, storedDetails } from './historyEntryView';
import { HistoryPagesRepository, type PageQuery } from './historyPagesRepository';
import type { RawTransaction } from './rawTransaction';

export type { EntryDecorations } from './historyEntryView';
export type { PageQuery } from './historyPagesRepository';

/** A transaction ready to store, with what it meant to each of the wallet's accounts it concerns. */
export interface IndexedTransaction {
  raw: RawTransaction;
  provisional: boolean;
  entries: { account: string; activity: DecodedActivity }[];
}

export const HISTORY_CURSOR_KIND = 'history';

/**
 * The timeline's storage. Writes are whole batches in one transaction, with the cursors they reach, so an
 * interrupted sync resumes exactly where the last batch ended; rewriting a batch changes nothing.
 */
export class HistoryRepository {
  private readonly cursors: ChainCursorsRepository;
  private readonly legs: BridgeLegsRepository;
  private readonly pages: HistoryPagesRepository;
  private readonly insertTransaction;
  private readonly updateTransaction;
  private readonly insertEntry;
  private readonly updateEntry;
  private readonly saveBatch;
  private readonly provisionalBlocks;
  private readonly deleteFrom;
  private readonly confirmUpTo;
  private readonly selectCounterparties;

  constructor(
    private readonly db: Database,
    private readonly tokens: TokenLookup = () => undefined,
  ) {
    this.cursors = new ChainCursorsRepository(db);
    this.legs = new BridgeLegsRepository(db);
    this.pages = new HistoryPagesRepository(db, this.legs);
    // Insert first, update only what was there: most of a sync is new rows, and a plain insert costs less
    // than an upsert that must hand back the row's id (RETURNING).
    this.insertTransaction = db.prepare<unknown[]>(
      `INSERT INTO history_transactions (chain_id, hash, block_number, block_hash, tx_index, timestamp,
         from_address, to_address, status, fee, provisional)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (chain_id, hash) DO NOTHING`,
    );
    this.updateTransaction = db.prepare<unknown[], { id: number }>(
      `UPDATE history_transactions SET block_number = ?, block_hash = ?, tx_index = ?, timestamp = ?,
         status = ?, fee = ?, provisional = ?
       WHERE chain_id = ? AND hash = ? RETURNING id`,
    );
    this.insertEntry = db.prepare<unknown[]>(
      `INSERT INTO history_entries (transaction_id, chain_id, account, timestamp, kind, counterparty, tokens,
         details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (transaction_id, account) DO NOTHING`,
    );
    this.updateEntry = db.prepare<unknown[]>(
      `UPDATE history_entries SET timestamp = ?, kind = ?, counterparty = ?, tokens = ?, details = ?
       WHERE transaction_id = ? AND account = ?`,
    );
    this.provisionalBlocks = db.prepare<[number], { blockNumber: number; blockHash: string }>(
      `SELECT DISTINCT block_number AS blockNumber, block_hash AS blockHash FROM history_transactions
       WHERE chain_id = ? AND provisional = 1 ORDER BY block_number`,
    );
    this.deleteFrom = db.prepare<[number, number]>(
      'DELETE FROM history_transactions WHERE chain_id = ? AND block_number >= ?',
    );
    this.confirmUpTo = db.prepare<[number, number]>(
      `UPDATE history_transactions SET provisional = 0
       WHERE chain_id = ? AND provisional = 1 AND block_number <= ?`,
    );
    this.selectCounterparties = db.prepare<[string, string], { address: string }>(
      `SELECT DISTINCT address FROM (
         SELECT e.counterparty AS address FROM history_entries e WHERE e.account = ? AND e.counterparty IS NOT NULL
         UNION SELECT t.from_address FROM history_transactions t
           JOIN history_entries e ON e.transaction_id = t.id WHERE e.account = ?)
       LIMIT 5000`,
    );
    this.saveBatch = db.transaction(
      (
        transactions: readonly IndexedTransaction[],
        cursors: readonly Omit<ChainCursor, 'updatedAt'>[],
        now: number,
      ) => {
        const keys = new Set<string>();
        for (const transaction of transactions) {
          for (const key of this.write(transaction)) keys.add(key);
        }
        for (const key of keys) this.legs.link(key);
        for (const cursor of cursors) this.cursors.save(cursor, now);
      },
    );
  }

  /** One transaction of the database for the batch and the cursors it reaches; all of it or none. */
  save(
    transactions: readonly IndexedTransaction[],
    cursors: readonly Omit<ChainCursor, 'updatedAt'>[],
    now = Date.now(),
  ): void {
    this.saveBatch(transactions, cursors, now);
  }

  /** Blocks holding provisional transactions on a chain, to compare with the chain's current hashes. */
  provisional(chainId: number): { blockNumber: number; blockHash: string }[] {
    return this.provisionalBlocks.all(chainId);
  }

  /** A reorg replaced `fromBlock` and later: their transactions go, with the cursors past them. */
  /** Returns how many transactions went. */
  rollback(chainId: number, fromBlock: number, rewindTo: { blockNumber: number; blockHash: string }): number {
    return this.db.transaction(() => {
      const { changes } = this.deleteFrom.run(chainId, fromBlock);
      this.cursors.rewind(chainId, HISTORY_CURSOR_KIND, rewindTo);
      return changes;
    })();
  }

  /** Everyone the account dealt with, senders included, for the send checks (first-time, look-alikes). */
  counterparties(account: string): string[] {
    return this.selectCounterparties
      .all(account, account)
      .map((row) => row.address)
      .filter((a) => a !== account);
  }

  confirm(chainId: number, upToBlock: number): number {
    return this.confirmUpTo.run(chainId, upToBlock).changes;
  }

  page(
    query: PageQuery,
    accounts: readonly string[],
    decorations: EntryDecorations,
    searchAddresses: string[],
  ): HistoryPage {
    return this.pages.page(query, accounts, decorations, searchAddresses);
  }

  private write({ raw, provisional, entries }: IndexedTransaction): string[] {
    const transactionId = this.writeTransaction(raw, provisional);
    const keys: string[] = [];
    for (const { account, activity } of entries) {
      const details = JSON.stringify(storedDetails(raw.chainId, activity, this.tokens));
      const counterparty = activity.assets[0]?.counterparty ?? activity.approval?.spender ?? raw.to;
      const tokens = new Set(activity.assets.map((asset) => asset.token ?? 'native'));
      if (activity.approval) tokens.add(activity.approval.token);
      const tokenList = `|${[...tokens].join('|')}|`;
      const { changes } = this.insertEntry.run(
        transactionId,
        raw.chainId,
        account,
        raw.timestamp,
        activity.kind,
        counterparty,
        tokenList,
        details,
      );
      if (changes === 0) {
        this.updateEntry.run(
          raw.timestamp,
          activity.kind,
          counterparty,
          tokenList,
          details,
          transactionId,
          account,
        );
      }
      for (const leg of activity.bridgeLegs) {
        this.legs.save(transactionId, leg);
        keys.push(leg.key);
      }
    }
    return keys;
  }

  /** The stored transaction's id; a transaction stored before keeps its id and takes the newer block facts. */
  private writeTransaction(raw: RawTransaction, provisional: boolean): number {
    const fee = (raw.gasUsed * raw.effectiveGasPrice).toString();
    const provisionalFlag = provisional ? 1 : 0;
    const inserted = this.insertTransaction.run(
      raw.chainId,
      raw.hash,
      raw.blockNumber,
      raw.blockHash,
      raw.transactionIndex,
      raw.timestamp,
      raw.from,
      raw.to,
      raw.status,
      fee,
      provisionalFlag,
    );
    if (inserted.changes === 1) return Number(inserted.lastInsertRowid);
    const updated = this.updateTransaction.get(
      raw.blockNumber,
      raw.blockHash,
      raw.transactionIndex,
      raw.timestamp,
      raw.status,
      fee,
      provisionalFlag,
      raw.chainId,
      raw.hash,
    );
    if (!updated) throw new Error(`history transaction ${raw.hash} was neither inserted nor found`);
    return updated.id;
  }
}
