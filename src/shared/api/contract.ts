import { z } from 'zod';
import { AddCustomChain, Chain, ChainId } from '../chains/chain';
import { AccountView, AddWatchAccount } from '../accounts';
import {
  AccountRef,
  AddDeviceAccounts,
  DeviceAnswer,
  DeviceView,
  DiscoverAccounts,
  DiscoveryPage,
  SignatureResult,
  SigningRequestView,
  SignMessage,
  SignTypedData,
  VerifiedAddress,
} from '../devices';
import {
  HistoryExport,
  HistoryPage,
  HistoryQuery,
  HistorySources,
  HistorySyncState,
  SetEtherscanKey,
  SetTxNote,
} from '../history';
import { ConfirmPairing, PairingView, PhoneRef, SetRelay, SigningRequestRef } from '../pairing';
import { AllowanceView, OutgoingView, RevokeRequest, SendDraft, SendReview, TransactionRef } from '../tx';
import { BackupExport, BackupImport, DataLocation, ImportSummary, ResetRequest } from '../localData';
import {
  ChainStatusView,
  PortfolioView,
  RefreshProgress,
  SetChainRpc,
  SetTokenHidden,
  TokenRef,
  TokenView,
} from '../portfolio';
import { ContactView, LabelView, NameRef, NamesView } from '../names';
import { Settings, SettingsPatch } from '../settings';
import { JoinSyncGroup, SetSyncFolder, SyncCollections, SyncDeviceRef, SyncInvite, SyncView } from '../sync';
import { VaultStatus } from '../vault';
import type { Channel, EventName } from './channels';

export { CHANNELS, EVENT_NAMES, type Channel, type EventName } from './channels';

/** No-argument calls take `undefined`, which is what both Electron's invoke and a JSON frame carry. */
const NoRequest = z.undefined();

export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  platform: z.string(),
  arch: z.string(),
  runtime: z.strictObject({ node: z.string(), electron: z.string().nullable() }),
});
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * The one declaration of every renderer→main call: its request and response schemas, keyed by the names in
 * channels.ts. Channel names are `<group>.<method>`, which the preload exposes as `wallet.<group>.<method>()`.
 */
export const calls = {
  'app.info': { request: NoRequest, response: AppInfo },
  'chains.list': { request: NoRequest, response: z.array(Chain) },
  'settings.get': { request: NoRequest, response: Settings },
  'settings.set': { request: SettingsPatch, response: Settings },
  'data.location': { request: NoRequest, response: DataLocation },
  'data.reset': { request: ResetRequest, response: z.null() },
  'backup.export': { request: NoRequest, response: BackupExport },
  'backup.import': { request: BackupImport, response: ImportSummary },
  'vault.status': { request: NoRequest, response: VaultStatus },
  'accounts.list': { request: NoRequest, response: z.array(AccountView) },
  'accounts.addWatch': { request: AddWatchAccount, response: AccountView },
  'chains.status': { request: NoRequest, response: z.array(ChainStatusView) },
  'chains.setRpc': { request: SetChainRpc, response: z.null() },
  'chains.addCustom': { request: AddCustomChain, response: Chain },
  'chains.removeCustom': { request: z.strictObject({ chainId: ChainId }), response: z.null() },
  'portfolio.get': { request: NoRequest, response: PortfolioView },
  'portfolio.refresh': { request: NoRequest, response: z.array(ChainStatusView) },
  'tokens.add': { request: TokenRef, response: TokenView },
  'tokens.setHidden': { request: SetTokenHidden, response: TokenView },
  'accounts.remove': { request: AccountRef, response: z.null() },
  'devices.list': { request: NoRequest, response: z.array(DeviceView) },
  'devices.discover': { request: DiscoverAccounts, response: DiscoveryPage },
  'devices.addAccounts': { request: AddDeviceAccounts, response: z.array(AccountView) },
  'devices.verifyAddress': { request: AccountRef, response: VerifiedAddress },
  'devices.forget': {
    request: z.strictObject({ fingerprint: z.string().min(1).max(128) }),
    response: z.null(),
  },
  'devices.answer': { request: DeviceAnswer, response: z.null() },
  'signing.message': { request: SignMessage, response: SignatureResult },
  'signing.typedData': { request: SignTypedData, response: SignatureResult },
  /** Withdraws a request still waiting for a phone; its caller gets a `cancelled` error. */
  'signing.cancel': { request: SigningRequestRef, response: z.null() },
  /** Sends an expired phone request again under the same id, with a new deadline. */
  'signing.retry': { request: SigningRequestRef, response: z.null() },
  'pairing.status': { request: NoRequest, response: PairingView },
  /** Shows a new QR code (and withdraws any earlier one that was not used). */
  'pairing.start': { request: NoRequest, response: PairingView },
  'pairing.confirm': { request: ConfirmPairing, response: PairingView },
  'pairing.cancel': { request: z.strictObject({ id: z.string().min(1).max(100) }), response: PairingView },
  /** Refuses the phone at once, tells it if it is online, and removes its account. */
  'pairing.revoke': { request: PhoneRef, response: PairingView },
  'pairing.setRelay': { request: SetRelay, response: PairingView },
  'history.page': { request: HistoryQuery, response: HistoryPage },
  'history.status': { request: NoRequest, response: z.array(HistorySyncState) },
  'history.sync': { request: NoRequest, response: z.array(HistorySyncState) },
  'history.exportCsv': {
    request: HistoryQuery.omit({ limit: true, after: true }),
    response: HistoryExport,
  },
  /** Writes the user's note on a transaction; an empty or blank note removes it. */
  'history.setNote': { request: SetTxNote, response: z.null() },
  'tx.review': { request: SendDraft, response: SendReview },
  'tx.send': { request: SendDraft, response: OutgoingView },
  'tx.list': { request: NoRequest, response: z.array(OutgoingView) },
  'tx.speedUp': { request: TransactionRef, response: OutgoingView },
  'tx.cancel': { request: TransactionRef, response: OutgoingView },
  'approvals.list': {
    request: z.strictObject({ accountId: z.number().int().positive(), chainId: ChainId }),
    response: z.array(AllowanceView),
  },
  'approvals.revoke': { request: RevokeRequest, response: z.array(OutgoingView) },
  'history.sources': { request: NoRequest, response: HistorySources },
  'history.setEtherscanKey': { request: SetEtherscanKey, response: z.null() },
  'names.list': { request: NoRequest, response: NamesView },
  'labels.set': { request: LabelView, response: LabelView },
  'labels.remove': { request: NameRef, response: z.null() },
  'contacts.set': { request: ContactView, response: ContactView },
  'contacts.remove': { request: NameRef, response: z.null() },
  'sync.status': { request: NoRequest, response: SyncView },
  /** Picks the sync folder (or stops using one, with null); it must exist and be writable. */
  'sync.setFolder': { request: SetSyncFolder, response: SyncView },
  /** Turns collections on or off; those not named keep their setting. */
  'sync.setCollections': { request: SyncCollections.partial(), response: SyncView },
  /** Writes what changed here and reads what the others wrote, through every transport, now. */
  'sync.now': { request: NoRequest, response: SyncView },
  /** A one-time code for another desktop that uses the same sync folder to join this group. */
  'sync.invite': { request: NoRequest, response: SyncInvite },
  'sync.join': { request: JoinSyncGroup, response: SyncView },
  /** Removes a desktop from the group and rotates the group's key, so it reads nothing written after. */
  'sync.removeDevice': { request: SyncDeviceRef, response: SyncView },
} as const satisfies { [C in Channel]: { request: z.ZodType; response: z.ZodType } };

/** Everything main may push to the renderer, with the payload it carries. */
export const events = {
  'settings.changed': Settings,
  'chains.changed': z.array(Chain),
  'accounts.changed': z.array(AccountView),
  'chains.status': ChainStatusView,
  'portfolio.progress': RefreshProgress,
  'devices.changed': z.array(DeviceView),
  'signing.request': SigningRequestView,
  'history.progress': HistorySyncState,
  /** New or changed entries on these chains: a timeline showing them refetches its first page. */
  'history.changed': z.strictObject({ chainIds: z.array(ChainId) }),
  /** Every transaction this wallet sent, whenever one of them moves (signed, pending, included…). */
  'tx.changed': z.array(OutgoingView),
  'pairing.changed': PairingView,
  /** Labels or contacts changed, here or on another device of the sync group. */
  'names.changed': NamesView,
  'sync.changed': SyncView,
} as const satisfies { [E in EventName]: z.ZodType };

export type Calls = typeof calls;
export type RequestOf<C extends Channel> = z.input<Calls[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Calls[C]['response']>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}
