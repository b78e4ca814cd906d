import type { AppInfo, Channel, EventName, EventPayload } from '../../shared/api/contract';
import { CHAINS } from '../../shared/chains/registry';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { ApiCallError, type WalletClient } from '../api/client';

/**
 * A test double of the renderer's WalletClient: answers from memory the way main's router does, records
 * every call, and can be told to fail. Only tests import it; the app never reaches it.
 */
export class WalletClientDouble implements WalletClient {
  settings: Settings = { ...DEFAULT_SETTINGS };
  info: AppInfo = {
    name: 'Ledgerline',
    version: '9.9.9-test',
    host: 'browser',
    platform: 'linux',
    arch: 'x64',
    runtime: { node: '24.0.0', electron: null },
  };
  readonly calls: { channel: Channel; request: unknown }[] = [];
  /** While set, every call fails with it, as when the browser host has gone away. */
  unreachable: Error | null = null;
  /** The next settings.set is refused with this message, as main refuses a value it cannot store. */
  refuseNextSave: string | null = null;
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  readonly call: WalletClient['call'] = (channel, ...args) => this.answer(channel, args[0]) as never;

  readonly on: WalletClient['on'] = (name, listener) => {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    this.listeners.set(name, set);
    return () => set.delete(listener as (payload: unknown) => void);
  };

  /** What main pushes after a change made elsewhere, e.g. in another window. */
  pushSettings(settings: Settings): void {
    this.settings = settings;
    this.emit('settings.changed', settings);
  }

  private emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }

  private async answer(channel: Channel, request: unknown): Promise<unknown> {
    this.calls.push({ channel, request });
    if (this.unreachable) throw this.unreachable;
    switch (channel) {
      case 'app.info':
        return this.info;
      case 'chains.list':
        return [...CHAINS];
      case 'settings.get':
        return this.settings;
      case 'settings.set': {
        const refusal = this.refuseNextSave;
        if (refusal) {
          this.refuseNextSave = null;
          throw new ApiCallError('settings.set', { code: 'invalid_request', message: refusal });
        }
        this.pushSettings({ ...this.settings, ...(request as Partial<Settings>) });
        return this.settings;
      }
    }
  }
}
