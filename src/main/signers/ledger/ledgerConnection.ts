import type Transport from '@ledgerhq/hw-transport';
import { type LedgerCommand, toDeviceError } from './ledgerStatus';

export type TransportOpener = () => Promise<Transport>;

/**
 * One device's transport, opened on first use and opened again after it died (unplug, suspend and wake),
 * so a request after a reconnect works without restarting anything. Every failure leaves as a DeviceError.
 */
export class LedgerConnection {
  private readonly open: TransportOpener;
  private current: Promise<Transport> | null = null;

  constructor(source: Transport | TransportOpener) {
    this.open = typeof source === 'function' ? source : () => Promise.resolve(source);
  }

  /** Runs `command`'s exchanges; its name is what gives a failing status word its meaning. */
  async use<T>(task: (transport: Transport) => Promise<T>, command: LedgerCommand): Promise<T> {
    const opening = this.current ?? this.connect();
    try {
      return await task(await opening);
    } catch (cause) {
      const error = toDeviceError(cause, command);
      if (error.state === 'disconnected' || error.state === 'access_denied') this.drop(opening);
      throw error;
    }
  }

  async close(): Promise<void> {
    const opening = this.current;
    this.current = null;
    if (opening) await (await opening.catch(() => null))?.close().catch(() => undefined);
  }

  private connect(): Promise<Transport> {
    const opening = this.open();
    this.current = opening;
    void opening.then(
      (transport) => transport.on('disconnect', () => this.drop(opening)),
      () => this.drop(opening),
    );
    return opening;
  }

  private drop(opening: Promise<Transport>): void {
    if (this.current !== opening) return;
    this.current = null;
    void opening.then((transport) => transport.close()).catch(() => undefined);
  }
}
