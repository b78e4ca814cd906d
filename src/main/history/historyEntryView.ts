import type { ActivityKind, AssetMovement, BridgeView, HistoryEntryView } from '../../shared/history';
import type { DecodedActivity, TokenLookup } from './activity';

/** What an entry keeps of its decoded activity; the rest of the view comes from its transaction row. */
export interface StoredDetails {
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

/** An entry joined with its transaction and the user's note, as the page query reads it. */
export interface EntryRow {
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
  /** The entry's decoded counterparty, as the indexer stored it. */
  counterparty: string | null;
  fee: string;
  note: string | null;
}

type SafeSigner = NonNullable<HistoryEntryView['safe']>['signers'][number];

/** An execTransaction of a Safe the wallet follows, as the Safes service knows it; the view names the owners. */
export interface SafeExecution {
  address: string;
  name: string;
  signers: Omit<SafeSigner, 'ownerLabel'>[];
}

/** Names and devices for the view; the repository knows only what the chains said. */
export interface EntryDecorations {
  label(address: string): string | null;
  signedBy(hash: string): HistoryEntryView['signedBy'];
  safeExecution(chainId: number, hash: string): HistoryEntryView['safe'];
}

/** An approval's token is named as the catalogue knew it when the entry was stored. */
export function storedDetails(
  chainId: number,
  activity: DecodedActivity,
  tokens: TokenLookup,
): StoredDetails {
  return {
    method: activity.method,
    assets: activity.assets,
    approval: activity.approval && {
      ...activity.approval,
      amount: activity.approval.amount.toString(),
      symbol: tokens(chainId, activity.approval.token)?.symbol ?? null,
      decimals: tokens(chainId, activity.approval.token)?.decimals ?? null,
    },
  };
}

/**
 * The fee and the signing device are the account's only when it sent the transaction. `ownAccounts` are
 * the wallet's accounts, whichever the page is filtered to: a transfer to one of them is between accounts.
 */
export function entryView(
  row: EntryRow,
  decorations: EntryDecorations,
  bridge: (transactionId: number) => BridgeView | null,
  ownAccounts: ReadonlySet<string>,
): HistoryEntryView {
  const details = JSON.parse(row.details) as StoredDetails;
  const { counterparty } = row;
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
    fromLabel: decorations.label(row.fromAddress),
    counterparty,
    counterpartyLabel: counterparty ? decorations.label(counterparty) : null,
    betweenAccounts:
      (row.kind === 'send' || row.kind === 'receive') &&
      counterparty !== null &&
      counterparty !== row.account &&
      ownAccounts.has(counterparty),
    method: details.method,
    assets: details.assets,
    approval: details.approval && {
      ...details.approval,
      spenderLabel: decorations.label(details.approval.spender),
    },
    bridge: row.kind === 'bridge' ? bridge(row.transactionId) : null,
    fee: row.fromAddress === row.account ? row.fee : null,
    note: row.note,
    signedBy: row.fromAddress === row.account ? decorations.signedBy(row.hash) : null,
    safe: row.fromAddress === row.account ? decorations.safeExecution(row.chainId, row.hash) : null,
  };
}
