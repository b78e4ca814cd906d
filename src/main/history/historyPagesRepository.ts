import type { Database, Statement } from 'better-sqlite3';
import { ApiError } from '../../shared/api/envelope';
import type { HistoryPage, HistoryQuery } from '../../shared/history';
import type { BridgeLegsRepository } from './bridgeLegsRepository';
import { type EntryDecorations, type EntryRow, entryView } from './historyEntryView';

export type PageQuery = Omit<HistoryQuery, 'limit'> & { limit: number };

/**
 * Pages of the timeline: keyset pages over (timestamp, id), never OFFSET, so a page deep in a million rows
 * costs what the first does.
 */
export class HistoryPagesRepository {
  /** Each filter combination is its own SQL; they are few, so each is prepared once and kept. */
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly legs: BridgeLegsRepository,
  ) {}

  page(
    query: PageQuery,
    accounts: readonly string[],
    decorations: EntryDecorations,
    searchAddresses: string[],
  ): HistoryPage {
    const select = pageSelect(query, accounts, searchAddresses);
    if (!select) return { entries: [], next: null };
    const rows = this.statement(select.sql).all(...select.params) as EntryRow[];
    const more = rows.length > query.limit;
    const own = new Set(accounts);
    const entries = rows
      .slice(0, query.limit)
      .map((row) => entryView(row, decorations, (id) => this.legs.bridge(id), own));
    const last = entries.at(-1);
    return { entries, next: more && last ? `${last.timestamp}.${last.id}` : null };
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

/** The SQL of one page and its parameters (one row more than the page, to know whether another follows). */
export function pageSelect(
  query: PageQuery,
  accounts: readonly string[],
  searchAddresses: string[],
): { sql: string; params: unknown[] } | null {
  const scope = query.accounts?.length ? query.accounts.filter((a) => accounts.includes(a)) : [...accounts];
  if (scope.length === 0) return null;
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
  where.push(receiverOfOwnTransfer(scope.length, query.kinds?.length ?? 0));
  params.push(...scope, ...(query.kinds ?? []));
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
      t.from_address AS fromAddress, t.to_address AS toAddress, e.counterparty, t.fee, n.note
    FROM history_entries e JOIN history_transactions t ON t.id = e.transaction_id
      LEFT JOIN tx_notes n ON n.chain_id = t.chain_id AND n.hash = t.hash
    WHERE ${where.join(' AND ')}
    ORDER BY e.timestamp DESC, e.id DESC LIMIT ?`;
  return { sql, params: [...params, query.limit + 1] };
}

/**
 * A transfer between two of the wallet's accounts is one entry: the receiver's is left out while the
 * sender's send is on the same page, i.e. in the accounts (and kinds) the page covers. The lookup is the
 * UNIQUE (transaction_id, account) index, and only receives ask it.
 */
function receiverOfOwnTransfer(scopeCount: number, kindCount: number): string {
  const kinds = kindCount > 0 ? ` AND 'send' IN (${marks(kindCount)})` : '';
  return `NOT (e.kind = 'receive' AND t.from_address IN (${marks(scopeCount)})${kinds} AND EXISTS (
      SELECT 1 FROM history_entries s WHERE s.transaction_id = e.transaction_id
        AND s.account = t.from_address AND s.kind = 'send' AND s.hidden = 0))`;
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
