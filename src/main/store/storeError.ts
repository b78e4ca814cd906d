import BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../shared/api/envelope';

export type StoreErrorCode = 'invalid_request' | 'conflict' | 'not_found' | 'backup_invalid';

/** A failure the user can act on. The write it came from was rolled back, so nothing stored was lost. */
export class StoreError extends ApiError<StoreErrorCode> {
  override name = 'StoreError';
}

const ADDRESS = 'An address must be 0x followed by 40 hexadecimal characters.';
const CHAIN = 'A chain id must be a positive integer.';
const NAME = 'A name must be 1 to 100 characters long.';
const NOTE = 'A note can be at most 1,000 characters long.';
const TIME = 'A timestamp must be a non-negative number of milliseconds.';
const BLOCK = 'A block number must be a non-negative integer.';

/**
 * The schema is the last word on what may be stored: every CHECK and UNIQUE constraint in migrations.ts is
 * named here with the sentence a person reads when a write breaks it.
 */
export const CONSTRAINT_MESSAGES: Readonly<Record<string, string>> = {
  device_fingerprint: 'A device fingerprint must be 1 to 128 characters long.',
  device_kind: 'A device is a Ledger, a Trezor or a phone.',
  device_name: NAME,
  device_model: 'A device model must be 1 to 100 characters long.',
  device_pairing: 'A phone is stored only once it is paired, and a hardware wallet is never paired.',
  device_seen: 'A device cannot be last seen before it was first seen.',
  account_signer: 'An account is signed by a Ledger, a Trezor or a phone, or is watch-only.',
  account_derivation_scheme: 'The derivation scheme must be bip44, ledger-live, legacy or custom.',
  account_derivation_path: "A derivation path looks like m/44'/60'/0'/0/0.",
  account_address: ADDRESS,
  account_label: 'An account label can be at most 100 characters long.',
  account_device:
    'A watch-only account has no device; every other account needs the device that signs for it.',
  account_derivation: 'A derivation path needs its scheme, and a scheme needs its path.',
  account_watch_derivation: 'A watch-only account has no derivation path.',
  account_hardware_derivation: 'A Ledger or Trezor account needs its derivation path.',
  account_time: TIME,
  label_address: ADDRESS,
  label_chain: CHAIN,
  label_kind: 'A label is for an externally owned address (eoa) or a contract.',
  label_name: NAME,
  label_note: NOTE,
  label_contract_chain:
    'A contract label needs its chain: the same address can be another contract elsewhere.',
  label_time: TIME,
  contact_address: ADDRESS,
  contact_chain: CHAIN,
  contact_name: NAME,
  contact_note: NOTE,
  contact_time: TIME,
  cursor_chain: CHAIN,
  cursor_kind: 'A cursor kind is a lowercase word such as history or tokens.',
  cursor_provider: 'A cursor provider must be 1 to 200 characters long.',
  cursor_block: 'A block number must be a non-negative integer.',
  cursor_hash: 'A block hash must be 0x followed by 64 hexadecimal characters.',
  'accounts.device_fingerprint, accounts.derivation_path':
    'This device already has an account at that derivation path.',
  'accounts.device_fingerprint, accounts.address': 'This device already has an account with that address.',
  'accounts.address': 'That address is already a watch-only account.',
  signature_address: 'A signature belongs to a 0x-prefixed 20-byte address.',
  signature_signer: 'A signature comes from a Ledger, a Trezor or a phone.',
  signature_device: 'A device fingerprint must be 1 to 128 characters long.',
  signature_kind: 'A signature is over a message, typed data or a transaction.',
  signature_chain: CHAIN,
  signature_digest: 'A signature is recorded by its 32-byte digest.',
  signature_time: 'A signature time must be a non-negative number of milliseconds.',
  signature_transaction_chain: 'A signed transaction needs its chain.',
  'outgoing_transactions.hash': 'This transaction is already recorded.',
  tx_note_chain: CHAIN,
  tx_note_hash: 'A transaction hash must be 0x followed by 64 lowercase hexadecimal characters.',
  tx_note_text: 'A note must be 1 to 1,000 characters long.',
  tx_note_time: TIME,
  vault_secret_version: 'A stored secret carries a whole, non-negative version number.',
  vault_head_counter: "The vault's write counter must be a whole number from 1.",
  chain_read_chain: CHAIN,
  chain_read_block: BLOCK,
  chain_read_timestamp: TIME,
  chain_read_time: TIME,
  balance_chain: CHAIN,
  balance_account: ADDRESS,
  balance_token: 'A balance is of the native coin or of a token at a 0x-prefixed 20-byte address.',
  balance_amount: 'A balance is a non-negative whole number of base units.',
  balance_block: BLOCK,
  balance_available: 'A balance is either available or not.',
  balance_time: TIME,
  balance_read: 'A balance read has both its amount and its block, or neither.',
  feed_reading_chain: CHAIN,
  feed_reading_feed: 'A price feed is at a 0x-prefixed 20-byte address.',
  feed_reading_answer: 'A price feed answer is a whole number, negative or not.',
  feed_reading_decimals: 'A price feed has 0 to 255 decimals.',
  feed_reading_updated: 'A price feed update time is a non-negative number of seconds.',
  feed_reading_block: BLOCK,
  feed_reading_time: TIME,
  feed_reading_unread: 'A price feed that could not be read has no answer, decimals or update time.',
  token_chain: CHAIN,
  token_address: ADDRESS,
  token_symbol: 'A token symbol must be 1 to 32 characters long.',
  token_name: 'A token name must be 1 to 100 characters long.',
  token_decimals: 'A token has 0 to 255 decimals.',
  token_source: 'A token is one the user added or one that arrived unasked.',
  token_hidden: 'A token is either hidden or shown.',
  token_time: TIME,
  custom_chain_id: CHAIN,
  custom_chain_name: 'A network name must be 1 to 50 characters long.',
  custom_chain_symbol: 'A currency symbol must be 1 to 12 characters long.',
  custom_chain_decimals: 'A currency has 0 to 36 decimals.',
  custom_chain_explorer: 'An explorer address must start with https://.',
  chain_explorer_chain: 'A chain id is a whole number from 1 to 2^53 - 1.',
  chain_explorer_url: 'An explorer address must start with https:// and be at most 2,048 characters.',
  history_chain: CHAIN,
  history_hash: 'A transaction hash must be 0x followed by 64 lowercase hexadecimal characters.',
  history_block: BLOCK,
  history_block_hash: 'A block hash must be 0x followed by 64 hexadecimal characters.',
  history_time: TIME,
  history_status: 'A transaction either succeeded or failed.',
  history_provisional: 'A transaction is either final or still provisional.',
  history_kind: 'That is not a kind of activity this wallet records.',
  history_hidden: 'An entry is either hidden or shown.',
  bridge_role: 'A bridge leg is its source, its destination or a refund.',
  bridge_key: 'A bridge transfer key must be 1 to 300 characters long.',
  outgoing_address: ADDRESS,
  outgoing_chain: CHAIN,
  outgoing_nonce: 'A nonce must be a non-negative integer.',
  outgoing_hash: 'A transaction hash must be 0x followed by 64 hexadecimal characters.',
  outgoing_status: 'That is not a state a sent transaction can be in.',
  pairing_phone_key: "A paired phone's key must be 32 bytes of hex.",
  pairing_address: ADDRESS,
  pairing_inbox: 'A pairing inbox must be 16 bytes of hex.',
  pairing_previous_inbox: 'A pairing inbox must be 16 bytes of hex.',
  'phone_pairings.phone_key': 'This phone is already paired with this desktop.',
  'phone_pairings.inbox': 'That pairing inbox is already in use.',
  relay_host: 'The relay address must be 1 to 100 characters long.',
  relay_port: 'The relay port must be from 0 to 65535.',
  sync_field_collection: 'A sync collection name must be 1 to 40 characters long.',
  sync_field_key: 'A synced record key must be 1 to 200 characters long.',
  sync_field_name: 'A synced field name must be 1 to 40 characters long.',
  sync_field_hlc: 'A sync stamp must be a 36-character hybrid logical clock.',
  sync_blob_origin: 'A sync blob comes from a 16-digit hex device id.',
  sync_blob_counter: 'A sync blob counter starts at 1.',
  sync_blob_epoch: 'A sync key epoch starts at 1.',
};

/**
 * Runs a write and turns a broken constraint into a StoreError; `foreignKey` says what a missing referenced
 * row means for this write, since SQLite does not name the key that failed.
 */
export function storeWrite<T>(write: () => T, foreignKey = 'The item this refers to does not exist.'): T {
  try {
    return write();
  } catch (error) {
    throw toStoreError(error, foreignKey) ?? error;
  }
}

function toStoreError(error: unknown, foreignKey: string): StoreError | undefined {
  if (!(error instanceof BetterSqlite3.SqliteError) || !error.code.startsWith('SQLITE_CONSTRAINT')) {
    return undefined;
  }
  if (error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return new StoreError('conflict', foreignKey, { cause: error });
  const detail = /constraint failed: (.*)$/.exec(error.message)?.[1] ?? '';
  const message = CONSTRAINT_MESSAGES[detail];
  const duplicate =
    error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  const code = duplicate ? 'conflict' : 'invalid_request';
  // An unnamed constraint means a caller bypassed the typed API; say which column, never the value.
  return new StoreError(code, message ?? `The value for ${detail || 'a field'} is not allowed.`, {
    cause: error,
  });
}
