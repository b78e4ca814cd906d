import type { Channel } from '../../src/shared/api/contract';
import type { ErrorCode } from '../../src/shared/api/envelope';

/**
 * What each channel may answer in the property test, where the wallet holds three watch-only accounts, a
 * label and a contact (see `seedWallet`), no device is connected, no chain is reachable and no sync folder is
 * set. A malformed request is always refused with `invalid_request` by the router; `refusals` lists the
 * codes a well-formed one may get from the service behind the channel, read from its handler and the
 * services it calls, narrowed to what can happen here: nothing outside the app touches the keychain or the
 * database, so `vault_key_missing` and `vault_tampered` would be bugs, as would any device's own answer.
 */
export interface ChannelOutcome {
  refusals: readonly ErrorCode[];
  /** `true`: some runs must succeed. Otherwise why none can here, and then none may. */
  succeeds: true | string;
}

/** The keychain is a real Secret Service, which a loaded machine can fail; the vault then says so clearly. */
const KEYCHAIN = ['keychain_unavailable', 'keychain_locked'] as const satisfies readonly ErrorCode[];

const NO_CHAIN = 'no chain is reachable';
const NO_DEVICE = 'no device is connected, and the accounts are watch-only';
const NO_PHONE = 'no phone is paired, so no phone request is ever waiting';
const NO_FOLDER = 'a sync group needs a sync folder, and the test never sets a real one';
const NO_BROWSER = 'no browser extension is paired';
const NO_SITE_REQUEST = `${NO_BROWSER}, so no site's request is ever waiting`;
const NO_SAFE = `a Safe is created or read on chain, and ${NO_CHAIN}, so the wallet follows none`;
const NO_PROJECT_ID = 'no WalletConnect project id is set, so WalletConnect is off';
const NO_UPDATER =
  'the test core has no update engine (it runs from the source tree), so no release is ever ready';

/** Reads that always answer. */
const ANSWERS: ChannelOutcome = { refusals: [], succeeds: true };

export const OUTCOMES: Record<Channel, ChannelOutcome> = {
  'app.info': ANSWERS,
  'settings.get': ANSWERS,
  // An unknown or repeated chain id.
  'settings.set': { refusals: ['invalid_request'], succeeds: true },
  'data.location': ANSWERS,
  // A keychain that cannot delete the data key is logged, not refused: the sealed rows are gone already.
  'data.reset': ANSWERS,
  'backup.export': ANSWERS,
  'backup.import': { refusals: ['backup_invalid'], succeeds: true },
  // The keychain's failures are the answer's state, not a refusal.
  'vault.status': ANSWERS,
  'accounts.list': ANSWERS,
  'accounts.addWatch': { refusals: ['invalid_request', 'conflict'], succeeds: true },
  'accounts.remove': { refusals: ['not_found'], succeeds: true },
  // A name another account has, or an account that is not there.
  'accounts.rename': { refusals: ['conflict', 'not_found'], succeeds: true },
  'chains.list': ANSWERS,
  'chains.status': ANSWERS,
  // An unknown chain; custom endpoints are kept in the vault.
  'chains.setRpc': { refusals: ['invalid_request', ...KEYCHAIN], succeeds: true },
  // An unknown chain; an explorer is a row in the store, no keychain involved.
  'chains.setExplorer': { refusals: ['invalid_request'], succeeds: true },
  'chains.addCustom': {
    refusals: ['conflict', 'chain_unavailable'],
    succeeds: `${NO_CHAIN}, and a network is added only once its endpoint answers`,
  },
  'chains.removeCustom': {
    refusals: ['not_found'],
    succeeds: 'only a network the user added can be removed, and none can be added here',
  },
  'portfolio.get': ANSWERS,
  'portfolio.refresh': ANSWERS,
  'portfolio.valueHistory': ANSWERS,
  // A chain that is not enabled, or one that does not answer.
  'tokens.add': {
    refusals: ['not_found', 'chain_unavailable'],
    succeeds: `${NO_CHAIN} to read the token's symbol and decimals from`,
  },
  'tokens.setHidden': {
    refusals: ['not_found'],
    succeeds: `only a token added or seen arriving can be hidden, and ${NO_CHAIN} for either`,
  },
  'devices.list': ANSWERS,
  'devices.discover': { refusals: ['device_unavailable'], succeeds: NO_DEVICE },
  'devices.addAccounts': { refusals: ['device_unavailable'], succeeds: NO_DEVICE },
  'devices.verifyAddress': { refusals: ['not_found', 'cannot_sign'], succeeds: NO_DEVICE },
  'devices.forget': { refusals: ['not_found'], succeeds: `${NO_DEVICE}, so the wallet knows none` },
  'devices.answer': { refusals: ['invalid_state'], succeeds: `${NO_DEVICE}, so none asks for a PIN` },
  'signing.message': { refusals: ['not_found', 'cannot_sign'], succeeds: NO_DEVICE },
  // Typed data that does not encode, or whose domain names another chain than the active one, or none.
  'signing.typedData': {
    refusals: ['not_found', 'invalid_request', 'chain_mismatch', 'cannot_sign'],
    succeeds: NO_DEVICE,
  },
  // Malformed typed data; a review needs no device, and reads codes from a chain only when one answers.
  'signing.reviewTypedData': { refusals: ['not_found', 'invalid_request'], succeeds: true },
  'signing.cancel': { refusals: ['not_found'], succeeds: NO_PHONE },
  'signing.retry': { refusals: ['not_found'], succeeds: NO_PHONE },
  'pairing.status': ANSWERS,
  // The desktop's pairing key is kept in the vault; the relay listens on the first LAN address, which a
  // machine may not let it bind.
  'pairing.start': { refusals: ['pairing_failed', ...KEYCHAIN], succeeds: true },
  'pairing.confirm': {
    refusals: ['not_found'],
    succeeds: "a pairing code's id is random, and no phone connects to make one confirmable",
  },
  'pairing.cancel': { refusals: ['not_found'], succeeds: "a pairing code's id is random" },
  'pairing.revoke': { refusals: ['not_found'], succeeds: NO_PHONE },
  // A host that is not an address of this computer; a relay that cannot listen is shown, not refused.
  'pairing.setRelay': { refusals: ['invalid_request'], succeeds: true },
  // A page cursor this wallet did not give out.
  'history.page': { refusals: ['invalid_request'], succeeds: true },
  'history.status': ANSWERS,
  'history.sync': ANSWERS,
  'history.exportCsv': ANSWERS,
  'history.setNote': ANSWERS,
  'history.sources': ANSWERS,
  'history.setEtherscanKey': { refusals: KEYCHAIN, succeeds: true },
  // Also a token that is not in the wallet's tokens, or a recipient or amount the review refuses.
  'tx.review': {
    refusals: ['not_found', 'invalid_request', 'chain_unavailable'],
    succeeds: `${NO_CHAIN} to read fees and the nonce from`,
  },
  'tx.send': {
    refusals: ['not_found', 'chain_unavailable'],
    succeeds: `${NO_CHAIN} to read fees and the nonce from`,
  },
  'tx.list': ANSWERS,
  'tx.reviewReplacement': {
    refusals: ['not_found', 'invalid_request'],
    succeeds: `the wallet sent nothing: ${NO_CHAIN}`,
  },
  'tx.speedUp': { refusals: ['not_found'], succeeds: `the wallet sent nothing: ${NO_CHAIN}` },
  'tx.cancel': { refusals: ['not_found'], succeeds: `the wallet sent nothing: ${NO_CHAIN}` },
  // A network it cannot reach is named in the answer's `unread`, not refused.
  'approvals.overview': ANSWERS,
  'approvals.reviewRevoke': { refusals: ['not_found', 'cannot_sign'], succeeds: NO_DEVICE },
  'approvals.revoke': { refusals: ['not_found', 'cannot_sign'], succeeds: NO_DEVICE },
  'names.list': ANSWERS,
  // A contract label without its chain.
  'labels.set': { refusals: ['invalid_request'], succeeds: true },
  'labels.remove': { refusals: ['not_found'], succeeds: true },
  'contacts.set': ANSWERS,
  'contacts.remove': { refusals: ['not_found'], succeeds: true },
  'sync.status': ANSWERS,
  // A folder that does not exist (null turns sync off).
  'sync.setFolder': { refusals: ['invalid_request'], succeeds: true },
  'sync.setCollections': ANSWERS,
  // Reads this desktop's sync keys from the vault.
  'sync.now': { refusals: KEYCHAIN, succeeds: true },
  'sync.invite': { refusals: ['invalid_state'], succeeds: NO_FOLDER },
  'sync.join': { refusals: ['invalid_state'], succeeds: NO_FOLDER },
  'sync.removeDevice': { refusals: ['not_found', ...KEYCHAIN], succeeds: NO_FOLDER },
  'dapps.sites': ANSWERS,
  'dapps.requests': ANSWERS,
  'dapps.review': { refusals: ['not_found'], succeeds: NO_SITE_REQUEST },
  'dapps.approve': { refusals: ['not_found'], succeeds: NO_SITE_REQUEST },
  'dapps.reject': { refusals: ['not_found'], succeeds: NO_SITE_REQUEST },
  // Disconnecting a site that is not connected leaves it so.
  'dapps.revoke': ANSWERS,
  'dapps.revokeAll': ANSWERS,
  'dapps.setWindowEthereum': { refusals: ['not_found'], succeeds: `${NO_BROWSER}, so no site is connected` },
  'browsers.status': ANSWERS,
  // The desktop's key is kept in the vault; a bridge whose port is taken cannot show a code.
  'browsers.startPairing': { refusals: ['invalid_state', ...KEYCHAIN], succeeds: true },
  'walletconnect.view': ANSWERS,
  // A link the check refuses; a good one finds WalletConnect off.
  'walletconnect.pair': { refusals: ['invalid_request', 'invalid_state'], succeeds: NO_PROJECT_ID },
  'walletconnect.pairClipboard': { refusals: ['invalid_state'], succeeds: 'the test core has no clipboard' },
  // An image that is no PNG, holds no QR code or no WalletConnect link.
  'walletconnect.pairImage': { refusals: ['invalid_request', 'invalid_state'], succeeds: NO_PROJECT_ID },
  'walletconnect.disconnect': { refusals: ['not_found'], succeeds: `${NO_PROJECT_ID}, so no session exists` },
  'browsers.confirmPairing': {
    refusals: ['not_found', 'invalid_state'],
    succeeds: `a pairing code's id is random, and ${NO_BROWSER} to make one confirmable`,
  },
  'browsers.cancelPairing': { refusals: ['not_found'], succeeds: "a pairing code's id is random" },
  'browsers.revoke': { refusals: ['not_found'], succeeds: NO_BROWSER },
  'safes.view': ANSWERS,
  // Owners and the deployer must sign: an unknown account, a watch-only one, or a threshold above the owners.
  'safes.reviewCreate': {
    refusals: ['not_found', 'cannot_sign', 'invalid_request', 'chain_unavailable'],
    succeeds: NO_DEVICE,
  },
  'safes.create': {
    refusals: ['not_found', 'cannot_sign', 'invalid_request', 'chain_unavailable'],
    succeeds: NO_DEVICE,
  },
  // An address that is not one, a network that is not enabled (not_found), or one that does not answer.
  'safes.add': {
    refusals: ['invalid_request', 'not_found', 'chain_unavailable'],
    succeeds: `${NO_CHAIN} to read a Safe from`,
  },
  'safes.remove': { refusals: ['not_found'], succeeds: NO_SAFE },
  'safes.refresh': { refusals: ['not_found'], succeeds: NO_SAFE },
  'safes.reviewTransaction': { refusals: ['not_found'], succeeds: NO_SAFE },
  'safes.propose': { refusals: ['not_found'], succeeds: NO_SAFE },
  'safes.confirm': { refusals: ['not_found'], succeeds: NO_SAFE },
  'safes.reviewExecute': { refusals: ['not_found'], succeeds: NO_SAFE },
  'safes.execute': { refusals: ['not_found'], succeeds: NO_SAFE },
  'safes.discard': { refusals: ['not_found'], succeeds: NO_SAFE },
  'updates.view': ANSWERS,
  // Without an update engine the answer is the view, its status `unavailable` with the reason.
  'updates.check': ANSWERS,
  'updates.restart': { refusals: ['invalid_state'], succeeds: NO_UPDATER },
};
