import type Transport from '@ledgerhq/hw-transport';
import type { HidAccess, HidObserver } from '../../src/main/signers/ledger/ledgerHid';
import type { LedgerEmulator } from './ledgerEmulator';

/** A USB bus with emulators on it: add/remove events as node-hid sends them, opens that can be refused. */
export class EmulatedHidBus implements HidAccess {
  private observer: HidObserver | null = null;
  readonly devices = new Map<string, LedgerEmulator>();
  openError: Error | null = null;
  opens = 0;

  /** Like node-hid's listen, it announces the devices already plugged in first. */
  listen(observer: HidObserver) {
    this.observer = observer;
    for (const [path, device] of this.devices) observer.add({ path, model: device.model });
    return { unsubscribe: () => (this.observer = null) };
  }

  open(path: string): Promise<Transport> {
    this.opens += 1;
    if (this.openError) return Promise.reject(this.openError);
    const device = this.devices.get(path);
    return device
      ? Promise.resolve(device)
      : Promise.reject(new Error(`cannot open device with path ${path}`));
  }

  plug(path: string, device: LedgerEmulator): void {
    this.devices.set(path, device);
    this.observer?.add({ path, model: device.model });
  }

  unplug(path: string): void {
    const device = this.devices.get(path);
    if (!device) return;
    device.unplug();
    this.devices.delete(path);
    this.observer?.remove({ path, model: device.model });
  }
}
