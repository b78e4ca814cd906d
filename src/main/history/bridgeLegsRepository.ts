import type { Database } from 'better-sqlite3';
import type { BridgeView } from '../../shared/history';
import type { BridgeLeg } from './activity';

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

/**
 * The legs of cross-chain transfers, keyed by what the bridge uses to tie them together. A transfer's
 * destination leg folds into its source once both are stored, so the timeline shows one entry for it.
 */
export class BridgeLegsRepository {
  private readonly insertLeg;
  private readonly legsByKey;
  private readonly legsOfTransaction;
  private readonly hideDestination;

  constructor(db: Database) {
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
  }

  save(transactionId: number, leg: BridgeLeg): void {
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
  }

  /** Once both legs of a transfer are stored, the destination's own entry folds into the source's. */
  link(key: string): void {
    const legs = this.legsByKey.all(key);
    if (!legs.some((leg) => leg.role === 'source')) return;
    for (const leg of legs) if (leg.role === 'destination') this.hideDestination.run(leg.transactionId);
  }

  /** The transfer a transaction started, and how far it got; null if it started none. */
  bridge(transactionId: number): BridgeView | null {
    const [source] = this.legsOfTransaction.all(transactionId);
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
}
