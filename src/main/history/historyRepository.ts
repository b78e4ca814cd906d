import type { Database, Statement } from 'better-sqlite3';
import type {
  ActivityKind,
  AssetMovement,
  BridgeView,
  HistoryEntryView,
  HistoryPage,
  HistoryQuery,
} from '../../shared/history';
import { ApiError } from '../../shared/api/envelope';
import type { ChainCursor } from '../store/chainCursorsRepository';
import { ChainCursorsRepository } from '../store/chainCursorsRepository';
import type { BridgeLeg, DecodedActivity, TokenLookup } from './activity';
import type { RawTransaction } from './rawTransaction';

/** A transaction ready to store, with what it meant to each of the wallet's accounts it concerns. */
export interface IndexedTransaction {
  raw: RawTransaction;
  provisional: boolean;
  entries: { account: string; activity: DecodedActivity }[];
}

/** What an entry keeps of its decoded activity; the rest of the view comes from its transaction row. */
interface StoredDetails {
  method: string | null;
  assets: AssetMovement[];
  approval: {
    token: string;
    symbol: string | null;
    decimals: number | null;
    spender: string;
    amount: string;
    unlimited: boolean;
  } | null;
}

interface EntryRow {
  id: number;
  chainId: number;
  account: string;
  timestamp: number;
  kind: ActivityKind;
  details: string;
  transactionId: number;
  hash: string;
  blockNumber: number;
  status: 'success' | 'failed';
  provisional: number;
  fromAddress: string;
  toAddress: string | null;
  fee: string;
  note: string | null;
}

interface LegRow {
  transactionId: number;
  role: BridgeLeg['role'];
  protocol: BridgeLeg['protocol'];
  key: string;
  fromChainId: number;
  toChainId: number;
  hash: string;
  timestamp: number;
}

/** Names and devices for the view; the repository knows only what the chains said. */
export interface EntryDecorations {
  label(address: string): string | null;
  signedBy(hash: string): HistoryEntryView['signedBy'];
}

export type PageQuery = Omit<HistoryQuery, 'limit'> & { limit: number };

export const HISTORY_CURSOR_KIND = 'history';

/**
 * The timeline's storage. Writes are whole batches in one transaction, with the cursors they reach, so an
 * interrupted sync resumes exactly where the last batch ended; rewriting a batch changes nothing. Pages are
 * keyset pages over (timestamp, id), never OFFSET, so a page deep in a million rows costs what the first does.
 */
export class HistoryRepository {
  private readonly cursors: ChainCursorsRepository;
  private readonly statements = new Map<string, Statement>();
  private readonly upsertTransaction;
  private readonly upsertEntry;
  private readonly insertLeg;
  private readonly legsByKey;
  private readonly legsOfTransaction;
  private readonly hideDestination;
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
    this.upsertTransaction = db.prepare<unknown[], { id: number }>(
      `INSERT INTO history_transactions (chain_id, hash, block_number, block_hash, tx_index, timestamp,
         from_address, to_address, status, fee, provisional)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (chain_id, hash) DO UPDATE SET block_number = excluded.block_number,
         block_hash = excluded.block_hash, tx_index = excluded.tx_index, timestamp = excluded.timestamp,
         status = excluded.status, fee = excluded.fee, provisional = excluded.provisional
       RETURNING id`,
    );
    this.upsertEntry = db.prepare<unknown[]>(
      `INSERT INTO history_entries (transaction_id, chain_id, account, timestamp, kind, counterparty, tokens,
         details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (transaction_id, account) DO UPDATE SET timestamp = excluded.timestamp,
         kind = excluded.kind, counterparty = excluded.counterparty, tokens = excluded.tokens,
         details = excluded.details`,
    );
    this.insertLeg = db.prepare<unknown[]>(
      `INSERT OR REPLACE INTO history_bridge_legs (transaction_id, protocol, role, key, from_chain_id,
         to_chain_id, token, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const legColumns = `l.transaction_id AS transactionId, l.role, l.protocol, l.key,
      l.from_chain_id AS fromChainId, l.to_chain_id AS toChainId, t.hash, t.timestamp`;
    this.legsByKey = db.prepare<[string], LegRow>(
      `SELECT ${legColumns} FROM history_bridge_legs l JOIN history_transactions t ON t.id = l.transaction_id
       WHERE l.key = ?`,
    );
    this.legsOfTransaction = db.prepare<[number], LegRow>(
      `SELECT ${legColumns} FROM history_bridge_legs l JOIN history_transactions t ON t.id = l.transaction_id
       WHERE l.transaction_id = ? AND l.role = 'source'`,
    );
    this.hideDestination = db.prepare<[number]>(
      `UPDATE history_entries SET hidden = 1 WHERE transaction_id = ? AND kind = 'bridge'`,
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
        for (const key of keys) this.link(key);
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
    const scope = query.accounts?.length ? query.accounts.filter((a) => accounts.includes(a)) : [...accounts];
    if (scope.length === 0) return { entries: [], next: null };
    const where = ['e.hidden = 0', inList('e.account', scope.length)];
    const params: unknown[] = [...scope];
    if (query.chainIds?.length) {
      where.push(inList('e.chain_id', query.chainIds.length));
      params.push(...query.chainIds);
    }
    if (query.kinds?.length) {
      where.push(inList('e.kind', query.kinds.length));
      params.push(...query.kinds);
    }
    if (query.token) {
      where.push("instr(e.tokens, '|' || ? || '|') > 0");
      params.push(query.token);
    }
    const search = query.search?.trim();
    if (search) {
      if (/^0x[0-9a-fA-F]{64}$/.test(search)) {
        where.push('t.hash = ?');
        params.push(search.toLowerCase());
      } else {
        // The user's own note on the transaction, case-insensitively (ASCII), or an address the text names.
        const matches = ['instr(lower(n.note), lower(?)) > 0'];
        params.push(search);
        const addresses = searchAddresses;
        if (addresses.length > 0) {
          const list = marks(addresses.length);
          matches.push(
            `t.from_address IN (${list}) OR t.to_address IN (${list}) OR e.counterparty IN (${list})`,
          );
          params.push(...addresses, ...addresses, ...addresses);
        }
        where.push(`(${matches.join(' OR ')})`);
      }
    }
    const after = parseCursor(query.after);
    if (after) {
      where.push('(e.timestamp, e.id) < (?, ?)');
      params.push(after.timestamp, after.id);
    }
    const sql = `SELECT e.id, e.chain_id AS chainId, e.account, e.timestamp, e.kind, e.details,
        t.id AS transactionId, t.hash, t.block_number AS blockNumber, t.status, t.provisional,
        t.from_address AS fromAddress, t.to_address AS toAddress, t.fee, n.note
      FROM history_entries e JOIN history_transactions t ON t.id = e.transaction_id
        LEFT JOIN tx_notes n ON n.chain_id = t.chain_id AND n.hash = t.hash
      WHERE ${where.join(' AND ')}
      ORDER BY e.timestamp DESC, e.id DESC LIMIT ?`;
    const rows = this.statement(sql).all(...params, query.limit + 1) as EntryRow[];
    const more = rows.length > query.limit;
    const entries = rows.slice(0, query.limit).map((row) => this.view(row, decorations));
    const last = entries.at(-1);
    return { entries, next: more && last ? `${last.timestamp}.${last.id}` : null };
  }

  private write({ raw, provisional, entries }: IndexedTransaction): string[] {
    const fee = (raw.gasUsed * raw.effectiveGasPrice).toString();
    const { id: transactionId } = this.upsertTransaction.get(
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
      provisional ? 1 : 0,
    ) as { id: number };
    const keys: string[] = [];
    for (const { account, activity } of entries) {
      const details: StoredDetails = {
        method: activity.method,
        assets: activity.assets,
        approval: activity.approval && {
          ...activity.approval,
          amount: activity.approval.amount.toString(),
          symbol: this.tokens(raw.chainId, activity.approval.token)?.symbol ?? null,
          decimals: this.tokens(raw.chainId, activity.approval.token)?.decimals ?? null,
        },
      };
      const counterparty = activity.assets[0]?.counterparty ?? activity.approval?.spender ?? raw.to;
      const tokens = new Set(activity.assets.map((asset) => asset.token ?? 'native'));
      if (activity.approval) tokens.add(activity.approval.token);
      this.upsertEntry.run(
        transactionId,
        raw.chainId,
        account,
        raw.timestamp,
        activity.kind,
        counterparty,
        `|${[...tokens].join('|')}|`,
        JSON.stringify(details),
      );
      for (const leg of activity.bridgeLegs) {
        this.insertLeg.run(
          transactionId,
          leg.protocol,
          leg.role,
          leg.key,
          leg.fromChainId,
          leg.toChainId,
          leg.token,
          leg.amount?.toString() ?? null,
        );
        keys.push(leg.key);
      }
    }
    return keys;
  }

  /** Once both legs of a transfer are stored, the destination's own entry folds into the source's. */
  private link(key: string): void {
    const legs = this.legsByKey.all(key);
    if (!legs.some((leg) => leg.role === 'source')) return;
    for (const leg of legs) if (leg.role === 'destination') this.hideDestination.run(leg.transactionId);
  }

  private view(row: EntryRow, decorations: EntryDecorations): HistoryEntryView {
    const details = JSON.parse(row.details) as StoredDetails;
    return {
      id: row.id,
      chainId: row.chainId,
      hash: row.hash,
      account: row.account,
      blockNumber: row.blockNumber,
      timestamp: row.timestamp,
      status: row.status,
      provisional: row.provisional === 1,
      kind: row.kind,
      from: row.fromAddress,
      to: row.toAddress,
      toLabel: row.toAddress ? decorations.label(row.toAddress) : null,
      method: details.method,
      assets: details.assets,
      approval: details.approval && {
        ...details.approval,
        spenderLabel: decorations.label(details.approval.spender),
      },
      bridge: row.kind === 'bridge' ? this.bridge(row) : null,
      fee: row.fromAddress === row.account ? row.fee : null,
      note: row.note,
      signedBy: row.fromAddress === row.account ? decorations.signedBy(row.hash) : null,
    };
  }

  private bridge(row: EntryRow): BridgeView | null {
    const [source] = this.legsOfTransaction.all(row.transactionId);
    if (!source) return null;
    const others = this.legsByKey.all(source.key);
    const arrival = others.find((leg) => leg.role === 'destination');
    const refund = others.find((leg) => leg.role === 'refund');
    const end = refund ?? arrival;
    return {
      protocol: source.protocol,
      fromChainId: source.fromChainId,
      toChainId: source.toChainId,
      status: refund ? 'refunded' : arrival ? 'arrived' : 'pending',
      sourceHash: source.hash,
      destinationHash: end?.hash ?? null,
      sourceTimestamp: source.timestamp,
      destinationTimestamp: end?.timestamp ?? null,
    };
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * One value can walk its own index in timeline order; several cannot (SQLite would collect and sort every
 * match), so a list is kept off the indexes with unary `+` and the timeline index is walked instead.
 */
function inList(column: string, count: number): string {
  return count === 1 ? `${column} = ?` : `+${column} IN (${marks(count)})`;
}

function marks(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

function parseCursor(after: string | undefined): { timestamp: number; id: number } | null {
  if (!after) return null;
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(after);
  if (!match) throw new ApiError('invalid_request', 'That page cursor is not one this wallet gave out.');
  return { timestamp: Number(match[1]), id: Number(match[2]) };
}
