import type { CoreBase } from '../coreBase';
import type { DeviceSource } from './deviceSource';
import { type PhoneRequestControl, signersHandlers } from './signersHandlers';
import type { Networks } from '../chains/networks';
import { SignersService } from './signersService';
import type { PhoneGateway } from './signingRunner';

export interface SignersModuleDeps {
  sources: readonly DeviceSource[];
  /** The paired phones: where phone accounts' requests go, and where the user withdraws or resends them. */
  phones: PhoneGateway & PhoneRequestControl;
  onAccountsChanged: () => void;
  /** The network main holds as active, which typed data must name. */
  activeChainId: () => number;
  /** The enabled chains and their tokens, which a typed-data review reads. */
  networks: Pick<Networks, 'ready' | 'chains'>;
  recheckMs?: number;
}

/** Hardware signers (and the phone, through pairing) and the signing requests the user answers. */
export function createSignersModule(base: CoreBase, deps: SignersModuleDeps) {
  const { db, repositories, events, log } = base;
  const { networks } = deps;
  const signers = new SignersService({
    db,
    repositories,
    events,
    log,
    ...deps,
    activity: async (addresses) => (await networks.ready(), networks.chains.activity(addresses)),
    typedDataReview: {
      connection: async (chainId) => (await networks.ready(), networks.chains.connection(chainId)),
      tokens: (chainId, address) => networks.chains.knownToken(chainId, address),
    },
  });
  return { signers, handlers: signersHandlers(signers, deps.phones) };
}
