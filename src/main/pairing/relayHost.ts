import { ApiError } from '../../shared/api/envelope';
import type { RelayView } from '../../shared/pairing';
import type { ConnectRelay, RelayHandlers, RelayLink } from '../../shared/pairing/relayLink';
import type { Logger } from '../log';
import type { PhonePairingsRepository } from './phonePairingsRepository';
import { defaultRelayHost, relayInterfaces } from './relayInterfaces';

const DEFAULT_PORT = 8787;

export interface RunningRelay {
  url: string;
  wsUrl: string;
  port: number;
  close(): Promise<void>;
}

export interface RelayHostOptions {
  pairings: Pick<PhonePairingsRepository, 'relay' | 'setRelay'>;
  log: Logger;
  startRelay(host: string, port: number): Promise<RunningRelay>;
  connectRelay: ConnectRelay;
  /** Where the relay listens before the user picks: the first LAN address, else loopback. */
  relayHost?: string;
  relayPort?: number;
  /** What phones send through the relay. */
  knocked: NonNullable<RelayHandlers['knocked']>;
  deliver: RelayHandlers['deliver'];
  /** The desktop's link is up: paired phones can knock again. */
  connected(): void;
  /** The relay is going: every route on it goes too. */
  stopping(): void;
  changed(): void;
}

/**
 * The relay this desktop runs for its phones, on the interface and port the user picked, and the desktop's
 * own link to it. A relay that cannot listen is reported in the view rather than thrown, so the user can pick
 * another port.
 */
export class RelayHost {
  private relay: RunningRelay | null = null;
  private current: RelayLink | null = null;
  private error: string | null = null;
  private starting: Promise<void> | null = null;

  constructor(private readonly options: RelayHostOptions) {}

  get link(): RelayLink | null {
    return this.current;
  }

  /** Concurrent callers share one start. */
  async ensure(): Promise<void> {
    if (this.current) return;
    this.starting ??= this.start().finally(() => (this.starting = null));
    return this.starting;
  }

  /** The relay and link an invite can point at; throws when the relay is not running. */
  running(): { relay: RunningRelay; link: RelayLink } {
    if (!this.relay || !this.current)
      throw new ApiError('pairing_failed', this.error ?? 'The relay is not running.');
    return { relay: this.relay, link: this.current };
  }

  /** Restarts the relay on another of this computer's addresses, remembered for the next launch. */
  async move(host: string, port: number): Promise<void> {
    const known = relayInterfaces().some((entry) => entry.address === host);
    if (!known) throw new ApiError('invalid_request', `${host} is not an address of this computer.`);
    this.options.pairings.setRelay({ host, port });
    await this.stop();
    await this.ensure();
  }

  async stop(): Promise<void> {
    this.current?.disconnect();
    this.current = null;
    this.options.stopping();
    const relay = this.relay;
    this.relay = null;
    await relay?.close();
  }

  view(): RelayView {
    const config = this.options.pairings.relay();
    return {
      running: this.current !== null,
      host: config?.host ?? this.options.relayHost ?? defaultRelayHost(),
      port: this.relay?.port ?? config?.port ?? this.options.relayPort ?? DEFAULT_PORT,
      url: this.relay?.url ?? null,
      interfaces: relayInterfaces(),
      error: this.error,
    };
  }

  private async start(): Promise<void> {
    const { pairings, log } = this.options;
    const config = pairings.relay() ?? {
      host: this.options.relayHost ?? defaultRelayHost(),
      port: this.options.relayPort ?? DEFAULT_PORT,
    };
    try {
      this.relay = await this.options.startRelay(config.host, config.port);
      this.current = await this.options.connectRelay(this.relay.wsUrl, {
        knocked: this.options.knocked,
        deliver: this.options.deliver,
        error: (code, _id, message) => log.warn('relay refused a request', { code, message }),
        closed: () => {
          this.current = null;
        },
      });
      this.error = null;
      this.options.connected();
    } catch (error) {
      this.error =
        `The relay could not listen on ${config.host}:${config.port}: ` +
        `${error instanceof Error ? error.message : String(error)}. Pick another port or interface.`;
      log.warn('relay did not start', { reason: this.error });
      await this.stop();
    }
    this.options.changed();
  }
}
