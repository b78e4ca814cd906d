import type { HardwareKind } from '../../../shared/devices';
import { DeviceError } from '../../../shared/deviceError';
import type { ConnectedDevice, DeviceSource, DeviceSourceListener } from '../deviceSource';
import { LedgerConnection } from './ledgerConnection';
import { type HidAccess, type HidDevice, nodeHidAccess } from './ledgerHid';
import { LedgerSigner } from './ledgerSigner';
import { toDeviceError } from './ledgerStatus';

const NOT_CONNECTED = 'The Ledger is not connected.';
const REPLUG = 'Plug in the Ledger and unlock it.';

interface Slot {
  id: string;
  model: string | null;
  /** Where the device is now; null while it is unplugged. */
  where: { path: string | null };
  connection: LedgerConnection;
  device: ConnectedDevice;
}

/**
 * Ledgers over USB HID. A device keeps its id across an unplug: HID paths change on replug and every Ledger
 * reports the same serial number, so the id is the slot of its model that it had, reused when a device of
 * that model comes back.
 */
export class LedgerDeviceSource implements DeviceSource {
  readonly kind: HardwareKind = 'ledger';
  private readonly slots: Slot[] = [];
  private subscription: { unsubscribe(): void } | null = null;
  private listener: DeviceSourceListener | null = null;

  constructor(private readonly hid: HidAccess = nodeHidAccess()) {}

  start(listener: DeviceSourceListener): Promise<void> {
    this.listener = listener;
    this.subscription = this.hid.listen({
      add: (device) => void this.plugged(device),
      remove: (device) => this.unplugged(device),
      // The watch itself failing is not one device's state; the next start() tries again.
      error: () => undefined,
    });
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.listener = null;
    await Promise.all(this.slots.map((slot) => slot.connection.close()));
  }

  private async plugged(hidDevice: HidDevice): Promise<void> {
    const slot = this.slotFor(hidDevice);
    slot.where.path = hidDevice.path;
    try {
      // Opening now, not on first request, is what finds a udev or "in use by another app" problem early.
      await slot.connection.use(() => Promise.resolve(), 'configuration');
    } catch (cause) {
      const error = toDeviceError(cause, 'configuration');
      this.listener?.unavailable(slot.id, 'ledger', {
        state: error.state,
        detail: error.remedy ?? error.message,
      });
      return;
    }
    if (slot.where.path === hidDevice.path) this.listener?.attached(slot.device);
  }

  private unplugged(hidDevice: HidDevice): void {
    const slot = this.slots.find((candidate) => candidate.where.path === hidDevice.path);
    if (!slot) return;
    slot.where.path = null;
    void slot.connection.close();
    this.listener?.detached(slot.id);
  }

  private slotFor(hidDevice: HidDevice): Slot {
    const known =
      this.slots.find((slot) => slot.where.path === hidDevice.path) ??
      this.slots.find((slot) => slot.where.path === null && slot.model === hidDevice.model);
    if (known) return known;
    const sameModel = this.slots.filter((slot) => slot.model === hidDevice.model).length;
    const id = `ledger:${(hidDevice.model ?? 'unknown').toLowerCase().replaceAll(' ', '-')}:${sameModel + 1}`;
    const where: Slot['where'] = { path: hidDevice.path };
    const connection = new LedgerConnection(() =>
      where.path === null
        ? Promise.reject(new DeviceError('disconnected', NOT_CONNECTED, REPLUG))
        : this.hid.open(where.path),
    );
    const signer = new LedgerSigner(connection, (activity) => this.listener?.activity(id, activity));
    const device: ConnectedDevice = {
      id,
      kind: 'ledger',
      model: hidDevice.model,
      label: null,
      signer,
      probe: () => signer.probe(),
    };
    const slot = { id, model: hidDevice.model, where, connection, device };
    this.slots.push(slot);
    return slot;
  }
}
