import { isAddress } from 'viem';
import type { Networks } from '../chains/networks';
import type { CoreBase } from '../coreBase';
import { logFailure } from '../log';
import type { SignersService } from '../signers/signersService';
import { AddressNames } from '../store/addressNames';
import { toChecksumAddress } from '../store/address';
import type { TxService } from '../tx/txService';
import { safeExecutionLookup } from './safeExecutions';
import { safesHandlers } from './safesHandlers';
import { SafesRepository } from './safesRepository';
import { SafesService } from './safesService';
import { safeSyncCollections } from './safeSync';
import { type SafeTxLookups, safeTxNames } from './safeTransactions';
import { SafeTransactionsRepository } from './safeTransactionsRepository';

export interface SafesModuleDeps {
  networks: Pick<Networks, 'ready' | 'chains' | 'list'>;
  tx: Pick<TxService, 'review' | 'send'>;
  signers: Pick<SignersService, 'signSafeTransaction'>;
  /** Tells sync that the user changed something it carries. */
  syncSoon?: () => void;
  /** How often Safes being created and executions in flight are followed; 0 only when asked. */
  pollMs?: number;
}

/**
 * Safes whose owners are the user's devices: read on the user's RPC, created and executed through the
 * usual send path, signed on the Ledger, Trezor or paired phone. It follows what is in flight from the start.
 */
export function createSafesModule(base: CoreBase, deps: SafesModuleDeps) {
  const { db, repositories, events, log } = base;
  const { networks } = deps;
  const stored = { safes: new SafesRepository(db), transactions: new SafeTransactionsRepository(db) };
  const safes = new SafesService({
    ...stored,
    ...lookups(base, networks),
    accounts: repositories.accounts,
    deviceName: (fingerprint) => (fingerprint ? (repositories.devices.get(fingerprint)?.name ?? null) : null),
    connection: async (chainId) => (await networks.ready(), networks.chains.connection(chainId)),
    tx: deps.tx,
    signers: deps.signers,
    events,
    log,
    onEdited: deps.syncSoon,
  });
  const pollMs = deps.pollMs ?? 4_000;
  let stopped = false;
  if (pollMs > 0) {
    networks
      .ready()
      .then(() => stopped || safes.start(pollMs))
      .catch((error: unknown) => logFailure(log, 'following Safes could not start', error));
  }
  return {
    safes,
    handlers: safesHandlers(safes),
    /** What history shows of an execTransaction this wallet sent: the Safe and who signed it on what. */
    executionOf: safeExecutionLookup(stored.safes, stored.transactions),
    stop: () => ((stopped = true), safes.stop()),
  };
}

/**
 * The synced collections of Safes and their pending transactions (built before the service, as sync starts
 * first): what another desktop wrote is described like a local one, and `onSafesChanged` tells the screens.
 */
export function createSafeSyncCollections(
  base: CoreBase,
  networks: SafesModuleDeps['networks'],
  onSafesChanged: () => void,
) {
  const found = lookups(base, networks);
  return safeSyncCollections({
    safes: new SafesRepository(base.db),
    transactions: new SafeTransactionsRepository(base.db),
    names: (chainId) => safeTxNames(found, chainId),
    onSafesChanged,
  });
}

/** The chain's coin, the listed tokens and the names of addresses, which Safe transactions are told with. */
function lookups(base: CoreBase, networks: SafesModuleDeps['networks']): SafeTxLookups {
  const names = new AddressNames(base.repositories);
  return {
    tokens: (chainId, address) =>
      isAddress(address) ? networks.chains.knownToken(chainId, toChecksumAddress(address)) : undefined,
    nameOf: (address) => names.label(address),
    nativeOf: (chainId) => networks.list().find((chain) => chain.id === chainId)?.nativeCurrency ?? null,
  };
}
