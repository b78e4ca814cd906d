import type { Database } from 'better-sqlite3';
import type { ChecksumAddress } from '../store/address';
import { ChainsError } from './chainsError';
import type { Token } from './token';

export interface NewToken {
  chainId: number;
  address: ChecksumAddress;
  symbol: string;
  name: string;
  decimals: number;
}

interface TokenRow {
  chainId: number;
  address: string;
  symbol: string;
  name: string;
  decimals: number;
  source: 'user' | 'discovered';
  hidden: 0 | 1;
}

const COLUMNS = 'chain_id AS chainId, address, symbol, name, decimals, source, hidden';
const INSERT = `INSERT INTO tokens (chain_id, address, symbol, name, decimals, source, hidden, added_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
type InsertRow = [number, string, string, string, number, 'user' | 'discovered', 0 | 1, number];

/** The tokens a user added and those that arrived unasked; bundled list tokens live in the app itself. */
export class TokensRepository {
  private readonly selectUser;
  private readonly selectChain;
  private readonly insertUser;
  private readonly insertDiscovered;
  private readonly updateHidden;

  constructor(db: Database) {
    this.selectUser = db.prepare<[], TokenRow>(
      `SELECT ${COLUMNS} FROM tokens WHERE source = 'user' ORDER BY chain_id, address`,
    );
    this.selectChain = db.prepare<[number], TokenRow>(
      `SELECT ${COLUMNS} FROM tokens WHERE chain_id = ? ORDER BY added_at, address`,
    );
    // Adding a token that had arrived unasked makes it the user's own, shown, with the metadata just read.
    this.insertUser = db.prepare<InsertRow, TokenRow>(
      `${INSERT} ON CONFLICT (chain_id, address) DO UPDATE SET symbol = excluded.symbol, name = excluded.name,
         decimals = excluded.decimals, source = 'user', hidden = 0
       WHERE tokens.source = 'discovered' RETURNING ${COLUMNS}`,
    );
    this.insertDiscovered = db.prepare<InsertRow>(`${INSERT} ON CONFLICT (chain_id, address) DO NOTHING`);
    this.updateHidden = db.prepare<[number, number, string], TokenRow>(
      `UPDATE tokens SET hidden = ? WHERE chain_id = ? AND address = ? RETURNING ${COLUMNS}`,
    );
  }

  /** The tokens the user added, on every chain: what sync carries to their other devices. */
  userTokens(): Token[] {
    return this.selectUser.all().map(toToken);
  }

  forChain(chainId: number): Token[] {
    return this.selectChain.all(chainId).map(toToken);
  }

  addUserToken(token: NewToken, now = Date.now()): Token {
    const row = this.insertUser.get(...insertRow(token, 'user', 0, now));
    if (!row) throw new ChainsError('conflict', `${token.address} is already in your tokens on this chain.`);
    return toToken(row);
  }

  /** A token that arrived unasked is kept hidden as likely spam; seeing it again changes nothing. */
  recordDiscovered(token: NewToken, now = Date.now()): void {
    this.insertDiscovered.run(...insertRow(token, 'discovered', 1, now));
  }

  setHidden(chainId: number, address: ChecksumAddress, hidden: boolean): Token {
    const row = this.updateHidden.get(hidden ? 1 : 0, chainId, address);
    if (!row)
      throw new ChainsError('not_found', `${address} is not a token you added or received on this chain.`);
    return toToken(row);
  }
}

function insertRow(token: NewToken, source: 'user' | 'discovered', hidden: 0 | 1, now: number): InsertRow {
  return [token.chainId, token.address, token.symbol, token.name, token.decimals, source, hidden, now];
}

function toToken(row: TokenRow): Token {
  return {
    chainId: row.chainId,
    address: row.address as ChecksumAddress,
    symbol: row.symbol,
    name: row.name,
    decimals: row.decimals,
    source: row.source,
    hidden: row.hidden === 1,
    tags: [],
    logoURI: null,
  };
}
