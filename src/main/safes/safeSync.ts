import { z } from 'zod';
import { ChainId } from '../../shared/chains/chain';
import { SafeTxFields } from '../../shared/safes';
import type { SyncValue, UserCollection } from '../../shared/sync/syncOps';
import { ChecksumAddress } from '../store/address';
import { describeSafeTx } from './safeActions';
import { recoverSigner } from './safeSignatures';
import type { SafesRepository } from './safesRepository';
import type {
  SafeConfirmation,
  SafeTransactionsRepository,
  SafeTxRow,
  SafeTxStatus,
} from './safeTransactionsRepository';
import { safeTxHash } from './safeTxHash';

type SyncRecord = Record<string, SyncValue>;

/** The shape sync's collections have (src/main/sync/syncedCollections.ts), declared here so sync is handed it. */
export interface SafeSyncCollection {
  name: UserCollection;
  snapshot(): Map<string, SyncRecord>;
  write(key: string, record: SyncRecord | null): void;
  announce(): void;
}

export interface SafeSyncOptions {
  safes: SafesRepository;
  transactions: SafeTransactionsRepository;
  /** Token symbols and address names on a chain, to describe a Safe transaction another desktop proposed. */
  names(chainId: number): Parameters<typeof describeSafeTx>[2];
  /** Safes or their transactions changed through sync: the Safes service re-reads and tells the screens. */
  onSafesChanged(): void;
  now?: () => number;
}

/** A synced value is a string of at most 4,000 characters: longer call data travels as a list of chunks. */
const DATA_CHUNK = 4000;
/** A confirmation's field: `c` and the owner's first 39 hex digits, so owners' signatures merge field by field. */
const CONFIRMATION_FIELD = /^c[0-9a-f]{39}$/;

const SafeName = z.string().trim().min(1).max(40);
const Hash = z.string().regex(/^0x[0-9a-f]{64}$/);
const Word = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'r and s must be 32 bytes each');

/** [owner, r, s, yParity, kind, label, fingerprint or '', mode, signedAt] */
const SyncedConfirmation = z.tuple([
  ChecksumAddress,
  Word,
  Word,
  z.union([z.literal(0), z.literal(1)]),
  z.enum(['ledger', 'trezor', 'phone', 'other']),
  z.string().max(100),
  z.string().max(128),
  z.enum(['clear', 'hashed', 'phone']),
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
]);

/** What sync says of a transaction's fate: `open` while it collects signatures on any desktop. */
const SyncedStatus = z.enum(['open', 'executing', 'executed', 'failed', 'replaced']);
type SyncedStatus = z.infer<typeof SyncedStatus>;
const RANK: Record<SyncedStatus, number> = { open: 0, executing: 1, executed: 2, failed: 2, replaced: 2 };

const SyncedFate = z
  .strictObject({
    status: SyncedStatus,
    execution: z.tuple([Hash, ChecksumAddress]).nullable(),
  })
  .refine(({ status, execution }) => !['executing', 'executed', 'failed'].includes(status) || execution, {
    message: 'a sent Safe transaction came without the transaction that carries it',
  });

/**
 * The two synced Safe collections. `safes`: `<address>/<chain id>` with the name the user gave it.
 * `safeTransactions`: `<safe address>/<chain id>/<safeTxHash>`, so a transaction sorts right after its Safe and
 * a blob that carries both adds the Safe first; its fields are the SafeTx itself, its fate, and one field per
 * confirmation. Nothing from another desktop is trusted: the hash is recomputed from the fields and each
 * signature must recover to its owner, else the whole record is refused.
 */
export function safeSyncCollections(options: SafeSyncOptions): SafeSyncCollection[] {
  return [safesCollection(options), safeTransactionsCollection(options)];
}

function safesCollection({ safes, onSafesChanged, now = Date.now }: SafeSyncOptions): SafeSyncCollection {
  let changed = false;
  return {
    name: 'safes',
    snapshot: () =>
      new Map(safes.list().map((safe) => [`${safe.address}/${safe.chainId}`, { name: safe.name }])),
    write(key, record) {
      const { address, chainId } = parseSafeKey(key);
      const existing = safes.byAddress(chainId, address);
      if (record === null) {
        if (existing) changed = safes.remove(existing.id) || changed;
        return;
      }
      const name = parseField(SafeName, record.name, 'its name');
      if (!existing) safes.add({ chainId, address, name, deployment: null }, now());
      else if (existing.name !== name) safes.rename(existing.id, name, now());
      changed = true;
    },
    announce() {
      if (changed) onSafesChanged();
      changed = false;
    },
  };
}

function safeTransactionsCollection(options: SafeSyncOptions): SafeSyncCollection {
  const { transactions, safes, onSafesChanged } = options;
  let changed = false;
  return {
    name: 'safeTransactions',
    snapshot() {
      const addresses = new Map(safes.list().map((safe) => [safe.id, `${safe.address}/${safe.chainId}`]));
      return new Map(
        transactions
          .list()
          .map((tx) => [`${addresses.get(tx.safeId)}/${tx.safeTxHash}`, syncRecord(tx, transactions)]),
      );
    },
    write(key, record) {
      const [address = '', chain = '', hash = '', ...extra] = key.split('/');
      if (extra.length > 0)
        throw new Error('its key is not <Safe address>/<chain id>/<Safe transaction hash>.');
      const existing = transactions.byHash(parseField(Hash, hash, 'its Safe transaction hash'));
      if (record === null) {
        if (existing) changed = transactions.remove(existing.id) || changed;
        return;
      }
      storeSynced(options, parseSafeKey(`${address}/${chain}`), hash, record, existing);
      changed = true;
    },
    announce() {
      if (changed) onSafesChanged();
      changed = false;
    },
  };
}

function syncRecord(tx: SafeTxRow, transactions: SafeTransactionsRepository): SyncRecord {
  const { data, ...fields } = tx.fields;
  const record: SyncRecord = {
    ...fields,
    data: chunks(data),
    status: syncedStatus(tx.status),
    execution: tx.execution && [tx.execution.hash, tx.execution.by],
  };
  for (const { owner, signature, signer, mode, signedAt } of transactions.confirmations(tx.id)) {
    record[confirmationField(owner)] = [
      owner,
      signature.r,
      signature.s,
      signature.yParity,
      signer.kind,
      signer.label,
      signer.fingerprint ?? '',
      mode,
      signedAt,
    ];
  }
  return record;
}

/** Checks a merged record through and through, then adds what this desktop lacks: it never takes anything back. */
function storeSynced(
  options: SafeSyncOptions,
  key: { address: ChecksumAddress; chainId: number },
  hash: string,
  record: SyncRecord,
  existing: SafeTxRow | null,
): void {
  const { safes, transactions, now = Date.now } = options;
  const safe = safes.byAddress(key.chainId, key.address);
  if (!safe)
    throw new Error(
      `it belongs to the Safe ${key.address} on chain ${key.chainId}, which this desktop does not follow; ` +
        'add that Safe (or sync Safes) to see it.',
    );
  const fields = parseField(SafeTxFields, { ...pick(record), data: joinChunks(record.data) }, 'its fields');
  if (safeTxHash(key.chainId, key.address, fields) !== hash)
    throw new Error('its fields do not give its Safe transaction hash, so it may have been tampered with.');
  const confirmations = syncedConfirmations(hash, record);
  const fate = parseField(
    SyncedFate,
    { status: record.status ?? 'open', execution: record.execution ?? null },
    'its status',
  );
  const described = safe.state
    ? describeSafeTx(fields, safe.state, options.names(key.chainId))
    : { kind: 'call' as const, summary: `Safe transaction ${hash.slice(0, 10)}…`, warnings: [] };
  const tx =
    existing ??
    transactions.add({ safeId: safe.id, safeTxHash: hash, fields, ...described }, now(), confirmations);
  if (existing) for (const confirmation of confirmations) transactions.addConfirmation(tx.id, confirmation);
  advance(options, tx, fate, safe.state?.owners ?? null, safe.state?.threshold ?? null);
}

/** The status only moves forward; while it is open, ready means enough current owners signed. */
function advance(
  { transactions, now = Date.now }: SafeSyncOptions,
  tx: SafeTxRow,
  fate: z.infer<typeof SyncedFate>,
  owners: readonly string[] | null,
  threshold: number | null,
): void {
  const local = syncedStatus(tx.status);
  if (RANK[fate.status] > RANK[local] && fate.status !== 'open') {
    transactions.setStatus(tx.id, fate.status, { execution: execution(tx, fate.execution) }, now());
    return;
  }
  if (local !== 'open' || owners === null || threshold === null) return;
  const signed = transactions.confirmations(tx.id).filter(({ owner }) => owners.includes(owner)).length;
  const status: SafeTxStatus = signed >= threshold ? 'ready' : 'collecting';
  if (status !== tx.status) transactions.setStatus(tx.id, status, {}, now());
}

function syncedStatus(status: SafeTxStatus): SyncedStatus {
  return status === 'collecting' || status === 'ready' ? 'open' : status;
}

/** Another desktop's send keeps this desktop's outgoing id when it is the same transaction. */
function execution(tx: SafeTxRow, synced: [string, ChecksumAddress] | null): SafeTxRow['execution'] {
  if (!synced) return tx.execution;
  const [hash, by] = synced;
  return { hash, by, outgoingId: tx.execution?.hash === hash ? tx.execution.outgoingId : null };
}

function syncedConfirmations(hash: string, record: SyncRecord): SafeConfirmation[] {
  const confirmations: SafeConfirmation[] = [];
  for (const [field, value] of Object.entries(record)) {
    if (!CONFIRMATION_FIELD.test(field) || value === null) continue;
    const [owner, r, s, yParity, kind, label, fingerprint, mode, signedAt] = parseField(
      SyncedConfirmation,
      value,
      'a confirmation',
    );
    if (confirmationField(owner) !== field)
      throw new Error(`the confirmation of ${owner} is filed under another owner.`);
    const signature = { r, s, yParity };
    if (recoverSigner(hash, signature) !== owner)
      throw new Error(`the signature said to be from ${owner} was not made by that owner's key.`);
    confirmations.push({
      owner,
      signature,
      signer: { kind, label, fingerprint: fingerprint || null },
      mode,
      signedAt,
    });
  }
  return confirmations;
}

const TX_FIELDS = [
  'to',
  'value',
  'operation',
  'safeTxGas',
  'baseGas',
  'gasPrice',
  'gasToken',
  'refundReceiver',
  'nonce',
];

function pick(record: SyncRecord): Record<string, SyncValue | undefined> {
  return Object.fromEntries(TX_FIELDS.map((field) => [field, record[field]]));
}

function confirmationField(owner: string): string {
  return `c${owner.slice(2, 41).toLowerCase()}`;
}

function chunks(data: string): string[] {
  const parts: string[] = [];
  for (let at = 0; at < data.length; at += DATA_CHUNK) parts.push(data.slice(at, at + DATA_CHUNK));
  return parts;
}

function joinChunks(value: SyncValue | undefined): unknown {
  return Array.isArray(value) && value.every((part) => typeof part === 'string') ? value.join('') : value;
}

function parseSafeKey(key: string): { address: ChecksumAddress; chainId: number } {
  const [address = '', chain = ''] = key.split('/');
  return {
    address: parseField(ChecksumAddress, address, 'its Safe address'),
    chainId: parseField(ChainId, Number(chain), 'its network'),
  };
}

function parseField<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(`${what} is not valid (${parsed.error.issues[0]?.message ?? 'unreadable'}).`);
}
