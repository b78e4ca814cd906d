import type { Database } from 'better-sqlite3';
import { storeWrite } from '../store/storeError';

/** What routes a paired phone's next handshake; its resume keys are in the vault. */
export interface PhonePairing {
  fingerprint: string;
  /** The phone's static X25519 key, hex: the only key a resume handshake for this phone may come from. */
  phoneKey: string;
  address: string;
  /** The rendezvous id of its next resume, hex. */
  inbox: string;
  /** The one before, kept open until the phone shows it got the new one. */
  previousInbox: string | null;
}

export interface RelayConfig {
  host: string;
  port: number;
}

const COLUMNS = 'fingerprint, phone_key AS phoneKey, address, inbox, previous_inbox AS previousInbox';

export class PhonePairingsRepository {
  private readonly insert;
  private readonly selectAll;
  private readonly selectOne;
  private readonly selectByInbox;
  private readonly rotateInbox;
  private readonly dropPrevious;
  private readonly selectRelay;
  private readonly upsertRelay;

  constructor(db: Database) {
    this.insert = db.prepare<[string, string, string, string]>(
      'INSERT INTO phone_pairings (fingerprint, phone_key, address, inbox) VALUES (?, ?, ?, ?)',
    );
    this.selectAll = db.prepare<[], PhonePairing>(
      `SELECT ${COLUMNS} FROM phone_pairings ORDER BY fingerprint`,
    );
    this.selectOne = db.prepare<[string], PhonePairing>(
      `SELECT ${COLUMNS} FROM phone_pairings WHERE fingerprint = ?`,
    );
    this.selectByInbox = db.prepare<[string, string], PhonePairing>(
      `SELECT ${COLUMNS} FROM phone_pairings WHERE inbox = ? OR previous_inbox = ?`,
    );
    this.rotateInbox = db.prepare<[string, string, string]>(
      'UPDATE phone_pairings SET previous_inbox = ?, inbox = ? WHERE fingerprint = ?',
    );
    this.dropPrevious = db.prepare<[string]>(
      'UPDATE phone_pairings SET previous_inbox = NULL WHERE fingerprint = ?',
    );
    this.selectRelay = db.prepare<[], RelayConfig>('SELECT host, port FROM relay_config WHERE id = 1');
    this.upsertRelay = db.prepare<[string, number]>(
      `INSERT INTO relay_config (id, host, port) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET host = excluded.host, port = excluded.port`,
    );
  }

  add(pairing: Omit<PhonePairing, 'previousInbox'>): void {
    storeWrite(() => this.insert.run(pairing.fingerprint, pairing.phoneKey, pairing.address, pairing.inbox));
  }

  list(): PhonePairing[] {
    return this.selectAll.all();
  }

  get(fingerprint: string): PhonePairing | undefined {
    return this.selectOne.get(fingerprint);
  }

  byInbox(inbox: string): PhonePairing | undefined {
    return this.selectByInbox.get(inbox, inbox);
  }

  /**
   * After a resume: the new inbox becomes current and the one the phone knocked on is kept as the fallback,
   * for a phone that never got the handshake's answer and knocks there again.
   */
  rotate(fingerprint: string, inbox: string, used: string): void {
    storeWrite(() => this.rotateInbox.run(used, inbox, fingerprint));
  }

  forgetPrevious(fingerprint: string): void {
    storeWrite(() => this.dropPrevious.run(fingerprint));
  }

  relay(): RelayConfig | undefined {
    return this.selectRelay.get();
  }

  setRelay(config: RelayConfig): void {
    storeWrite(() => this.upsertRelay.run(config.host, config.port));
  }
}
