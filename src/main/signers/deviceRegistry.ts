import { ApiError } from '../../shared/api/envelope';
import type { DeviceState, DeviceView, HardwareKind } from '../../shared/devices';
import type { EventHub } from '../api/events';
import type { Logger } from '../log';
import type { Account } from '../store/accountsRepository';
import type { Repositories } from '../store/repositories';
import { AccountDiscovery, type ActivityReader } from './accountDiscovery';
import { FINGERPRINT_PATH, seedFingerprint } from './derivation';
import { DeviceError } from '../../shared/deviceError';
import { DeviceQueue } from './deviceQueue';
import type { ConnectedDevice, DeviceSource } from './deviceSource';
import { describeState, KIND_NAMES, type StateText } from './deviceStates';
import { deviceLabel, type DeviceSnapshot, deviceViews } from './deviceViews';

export interface LiveDevice extends DeviceSnapshot {
  source: DeviceSource;
  device: ConnectedDevice | null;
  discovery: AccountDiscovery | null;
}

/** A device that has said which seed it holds and can take a request now. */
export type ReadyDevice = LiveDevice & {
  device: ConnectedDevice;
  discovery: AccountDiscovery;
  fingerprint: string;
};

export interface DeviceRegistryOptions {
  sources: readonly DeviceSource[];
  repositories: Pick<Repositories, 'accounts' | 'devices'>;
  activity: ActivityReader;
  events: EventHub;
  log: Logger;
  /** How often a device that is locked or in the wrong app is asked again; 0 never. */
  recheckMs: number;
  now: () => number;
}

/** States in which a device cannot take a request until the user does something on it or to it. */
const BLOCKING: ReadonlySet<DeviceState> = new Set([
  'disconnected',
  'locked',
  'app_closed',
  'wrong_app',
  'outdated_app',
  'access_denied',
  'pin_requested',
  'passphrase_requested',
]);

/** States a device leaves on its own once the user acts on it, so it is asked again until it is ready. */
const RECHECKED: ReadonlySet<DeviceState> = new Set(['locked', 'app_closed', 'wrong_app', 'busy', 'error']);

/**
 * The hardware devices plugged in now: what each is doing and which seed it holds, with one request at a
 * time on each, and every change published as `devices.changed`.
 */
export class DeviceRegistry {
  private readonly live = new Map<string, LiveDevice>();
  private readonly queue = new DeviceQueue();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: DeviceRegistryOptions) {}

  async start(): Promise<void> {
    await Promise.all(
      this.options.sources.map((source) =>
        source.start({
          attached: (device) => this.attach(source, device),
          detached: (id) => this.detach(id),
          activity: (id, { state, detail }) =>
            this.update(id, state, describeState(source.kind, state, detail)),
          unavailable: (id, kind, { state, detail }) => {
            const text = describeState(kind, state, detail);
            this.live.set(
              id,
              this.entry(id, kind, source, null, state, { ...text, remedy: detail ?? text.remedy }),
            );
            this.changed();
          },
        }),
      ),
    );
    if (this.options.recheckMs > 0) {
      this.timer = setInterval(() => this.recheck(), this.options.recheckMs);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all(this.options.sources.map((source) => source.stop()));
    this.live.clear();
  }

  list(): DeviceView[] {
    const { accounts, devices } = this.options.repositories;
    return deviceViews(this.live.values(), devices, accounts.list());
  }

  labelOf(live: LiveDevice): string {
    return deviceLabel(live, this.options.repositories.devices);
  }

  /** The device that holds an account's seed, when it is plugged in. */
  holding(account: Account): LiveDevice | undefined {
    return [...this.live.values()].find(
      (live) => live.fingerprint === account.deviceFingerprint && live.kind === account.signer && live.device,
    );
  }

  /** The device, if it can take a request now; else the DeviceError that says why not. */
  ready(deviceId: string): ReadyDevice {
    const live = this.live.get(deviceId);
    if (!live) {
      throw new DeviceError(
        'disconnected',
        'That device is not connected any more.',
        'Plug it in and try again.',
      );
    }
    // A rejected or refused request says nothing about the next one: only a blocking state stops it.
    if (BLOCKING.has(live.state) || !live.fingerprint || !live.discovery) {
      const state = BLOCKING.has(live.state) ? live.state : 'busy';
      throw new DeviceError(state, live.message, live.remedy);
    }
    return live as ReadyDevice;
  }

  /** Runs a request in the device's turn, and leaves the device in the state its failure describes. */
  use<T>(live: LiveDevice, task: () => Promise<T>): Promise<T> {
    return this.queue.run(live.id, async () => {
      try {
        return await task();
      } catch (error) {
        this.fail(live, error);
        throw error;
      }
    });
  }

  /** Sets a device's state in the standard words for it. */
  show(live: LiveDevice, state: DeviceState): void {
    this.update(live.id, state, describeState(live.kind, state));
  }

  answer(deviceId: string, request: 'pin' | 'passphrase', value: string | null): void {
    const live = this.live.get(deviceId);
    const asked = request === 'pin' ? 'pin_requested' : 'passphrase_requested';
    if (!live?.source.answer || live.state !== asked) {
      throw new ApiError(
        'invalid_state',
        `That device is not asking for a ${request === 'pin' ? 'PIN' : 'passphrase'}.`,
      );
    }
    live.source.answer(deviceId, request, value);
    this.show(live, 'awaiting_confirmation');
  }

  /** Publishes the device list again, e.g. after accounts were added and the counts changed. */
  changed(): void {
    this.options.events.emit('devices.changed', this.list());
  }

  private attach(source: DeviceSource, device: ConnectedDevice): void {
    const previous = this.live.get(device.id);
    const live = this.entry(device.id, device.kind, source, device, 'busy', {
      message: 'Connecting…',
      remedy: null,
    });
    // A replugged device keeps what was learned about it until it says otherwise.
    live.fingerprint = previous?.fingerprint ?? null;
    live.discovery = new AccountDiscovery(device.signer, this.options.activity);
    this.live.set(device.id, live);
    this.changed();
    void this.identify(live);
  }

  private detach(id: string): void {
    if (this.live.delete(id)) this.changed();
  }

  /** Asks what is open on the device and, once the Ethereum app answers, which seed it holds. */
  private identify(live: LiveDevice): Promise<void> {
    return this.queue.run(live.id, async () => {
      if (this.live.get(live.id) !== live || !live.device || !live.discovery) return;
      try {
        live.probe = await live.device.probe();
        const fingerprint = seedFingerprint(await live.discovery.extendedKey(FINGERPRINT_PATH));
        const { devices } = this.options.repositories;
        const known = devices.get(fingerprint);
        const kindName = KIND_NAMES[live.kind];
        if (known && known.kind !== live.kind) {
          throw new DeviceError(
            'error',
            `This ${kindName} holds the same seed as “${known.name}” (fingerprint ${fingerprint}), ` +
              'which this wallet already signs with. One seed is one signer here.',
            `Use “${known.name}”, or forget it in Devices first to sign with this ${kindName} instead.`,
          );
        }
        live.fingerprint = fingerprint;
        const { label, model } = live.device;
        devices.recordSeen(
          { fingerprint, kind: live.kind, name: label ?? model ?? kindName, model },
          this.options.now(),
        );
        this.show(live, 'ready');
      } catch (error) {
        this.fail(live, error);
      }
    });
  }

  private recheck(): void {
    for (const live of this.live.values()) {
      if (RECHECKED.has(live.state) && live.device && this.queue.pending(live.id) === 0)
        void this.identify(live);
    }
  }

  private fail(live: LiveDevice, error: unknown): void {
    if (!this.live.has(live.id)) return;
    if (error instanceof DeviceError) {
      this.update(live.id, error.state, { message: error.message, remedy: error.remedy });
    } else if (!(error instanceof ApiError)) {
      this.options.log.error('device request failed unexpectedly', {
        kind: live.kind,
        error: error instanceof Error ? error.name : typeof error,
      });
      this.show(live, 'error');
    } else {
      this.show(live, 'ready');
    }
  }

  private update(id: string, state: DeviceState, text: StateText): void {
    const live = this.live.get(id);
    if (!live) return;
    if (live.state === state && live.message === text.message && live.remedy === text.remedy) return;
    Object.assign(live, { state, ...text, updatedAt: this.options.now() });
    this.changed();
  }

  private entry(
    id: string,
    kind: HardwareKind,
    source: DeviceSource,
    device: ConnectedDevice | null,
    state: DeviceState,
    text: StateText,
  ): LiveDevice {
    return {
      id,
      kind,
      source,
      device,
      discovery: null,
      probe: null,
      fingerprint: null,
      state,
      ...text,
      updatedAt: this.options.now(),
    };
  }
}
