import type { CoreBase } from '../coreBase';
import type { DeviceSource } from './deviceSource';
import { type PhoneRequestControl, signersHandlers } from './signersHandlers';
import type { ActivityReader } from './accountDiscovery';
import { SignersService } from './signersService';
import type { PhoneGateway } from './signingRunner';

export interface SignersModuleDeps {
  sources: readonly DeviceSource[];
  activity: ActivityReader;
  /** The paired phones: where phone accounts' requests go, and where the user withdraws or resends them. */
  phones: PhoneGateway & PhoneRequestControl;
  onAccountsChanged: () => void;
  /** The network main holds as active, which typed data must name. */
  activeChainId: () => number;
  recheckMs?: number;
}

/** Hardware signers (and the phone, through pairing) and the signing requests the user answers. */
export function createSignersModule(base: CoreBase, deps: SignersModuleDeps) {
  const { db, repositories, events, log } = base;
  const signers = new SignersService({ db, repositories, events, log, ...deps });
  return { signers, handlers: signersHandlers(signers, deps.phones) };
}
