import { z } from 'zod';
import { Chain } from '../chains/chain';
import { BackupExport, BackupImport, DataLocation, ImportSummary, ResetRequest } from '../localData';
import { Settings, SettingsPatch } from '../settings';
import { VaultStatus } from '../vault';

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
 * The one declaration of every renderer→main call. Channel names are `<group>.<method>` so the preload can
 * expose them as `wallet.<group>.<method>()` without a second list.
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
} as const satisfies Record<`${string}.${string}`, { request: z.ZodType; response: z.ZodType }>;

/** Everything main may push to the renderer, with the payload it carries. */
export const events = {
  'settings.changed': Settings,
} as const satisfies Record<`${string}.${string}`, z.ZodType>;

export type Calls = typeof calls;
export type Channel = keyof Calls;
export type RequestOf<C extends Channel> = z.input<Calls[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Calls[C]['response']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const CHANNELS = Object.keys(calls) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
