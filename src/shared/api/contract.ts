import type { z } from 'zod';
import { accountsCalls, accountsEvents } from './calls/accounts';
import { appCalls } from './calls/app';
import { chainsCalls, chainsEvents } from './calls/chains';
import { dappsCalls, dappsEvents } from './calls/dapps';
import { devicesCalls, devicesEvents } from './calls/devices';
import { historyCalls, historyEvents } from './calls/history';
import { localDataCalls } from './calls/localData';
import { namesCalls, namesEvents } from './calls/names';
import { pairingCalls, pairingEvents } from './calls/pairing';
import { safesCalls, safesEvents } from './calls/safes';
import { settingsCalls, settingsEvents } from './calls/settings';
import type { CallSpec } from './calls/spec';
import { syncCalls, syncEvents } from './calls/sync';
import { txCalls, txEvents } from './calls/tx';
import { updatesCalls, updatesEvents } from './calls/updates';
import { walletConnectCalls, walletConnectEvents } from './calls/walletConnect';
import type { Channel, EventName } from './channels';

export { CHANNELS, EVENT_NAMES, type Channel, type EventName } from './channels';
export { AppInfo } from './calls/app';

/**
 * Every renderer→main call, merged from the call families in ./calls (one file per capability). Channel names
 * are `<group>.<method>`, which the preload exposes as `wallet.<group>.<method>()`. channels.ts lists the same
 * names without zod for the preload; `npm run gen:channels` writes it from here.
 */
export const calls = {
  ...appCalls,
  ...settingsCalls,
  ...localDataCalls,
  ...accountsCalls,
  ...chainsCalls,
  ...devicesCalls,
  ...pairingCalls,
  ...historyCalls,
  ...txCalls,
  ...namesCalls,
  ...syncCalls,
  ...dappsCalls,
  ...walletConnectCalls,
  ...safesCalls,
  ...updatesCalls,
} as const satisfies { [C in Channel]: CallSpec };

/** Everything main may push to the renderer, with the payload it carries. */
export const events = {
  ...settingsEvents,
  ...accountsEvents,
  ...chainsEvents,
  ...devicesEvents,
  ...pairingEvents,
  ...historyEvents,
  ...txEvents,
  ...namesEvents,
  ...syncEvents,
  ...dappsEvents,
  ...walletConnectEvents,
  ...safesEvents,
  ...updatesEvents,
} as const satisfies { [E in EventName]: z.ZodType };

/** Spreads escape excess-property checks, so a name missing from channels.ts is caught here instead. */
type Unlisted = Exclude<keyof typeof calls, Channel> | Exclude<keyof typeof events, EventName>;
const everyNameListed: [Unlisted] extends [never] ? true : false = true;
void everyNameListed;

export type Calls = typeof calls;
export type RequestOf<C extends Channel> = z.input<Calls[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Calls[C]['response']>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}
