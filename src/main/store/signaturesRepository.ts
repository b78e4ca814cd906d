import type { Database } from 'better-sqlite3';
import type { ChecksumAddress } from './address';
import { storeWrite } from './storeError';

export type SignatureKind = 'message' | 'typed-data' | 'transaction';

/** Which device made a signature and when, so history can say where each transaction was signed. */
export interface SignatureRecord {
  address: ChecksumAddress;
  signer: 'ledger' | 'trezor' | 'phone';
  deviceFingerprint: string;
  kind: SignatureKind;
  chainId: number | null;
  digest: string;
  signedAt: number;
}

type SignatureRow = [string, string, string, string, number | null, string, number];

const COLUMNS = `address, signer, device_fingerprint AS deviceFingerprint, kind, chain_id AS chainId,
  digest, signed_at AS signedAt`;

export class SignaturesRepository {
  private readonly insert;
  private readonly selectByDigest;

  constructor(db: Database) {
    this.insert = db.prepare<SignatureRow>(
      `INSERT INTO signatures (address, signer, device_fingerprint, kind, chain_id, digest, signed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectByDigest = db.prepare<[string], SignatureRecord>(
      `SELECT ${COLUMNS} FROM signatures WHERE digest = ? ORDER BY signed_at, id`,
    );
  }

  record(signature: SignatureRecord): void {
    const { address, signer, deviceFingerprint, kind, chainId, digest, signedAt } = signature;
    storeWrite(() =>
      this.insert.run(address, signer, deviceFingerprint, kind, chainId, digest.toLowerCase(), signedAt),
    );
  }

  /** Every signature over one digest: a transaction re-signed after a device reconnect appears twice. */
  byDigest(digest: string): SignatureRecord[] {
    return this.selectByDigest.all(digest.toLowerCase());
  }
}
