import type { DeviceView, HardwareKind } from '../../shared/devices';
import type { Account } from '../store/accountsRepository';
import type { Device } from '../store/devicesRepository';
import type { ConnectedDevice, DeviceProbe } from './deviceSource';
import { describeState, KIND_NAMES, type StateText } from './deviceStates';

/** What the Devices page shows of a plugged-in device. */
export interface DeviceSnapshot extends StateText {
  id: string;
  kind: HardwareKind;
  /** Null while the device is seen but cannot be opened. */
  device: Pick<ConnectedDevice, 'model' | 'label'> | null;
  probe: DeviceProbe | null;
  fingerprint: string | null;
  state: DeviceView['state'];
  updatedAt: number;
}

export interface KnownDevices {
  get(fingerprint: string): Device | undefined;
  list(): Device[];
}

/** The user's name for the device once the wallet knows its seed, else what the device calls itself. */
export function deviceLabel(live: DeviceSnapshot, known: Pick<KnownDevices, 'get'>): string {
  const stored = live.fingerprint ? known.get(live.fingerprint) : undefined;
  return stored?.name ?? live.device?.label ?? live.device?.model ?? KIND_NAMES[live.kind];
}

/** Plugged-in devices first, then the ones this wallet knows that are not connected now. */
export function deviceViews(
  live: Iterable<DeviceSnapshot>,
  known: KnownDevices,
  accounts: readonly Account[],
): DeviceView[] {
  const countFor = (fingerprint: string | null) =>
    fingerprint ? accounts.filter((account) => account.deviceFingerprint === fingerprint).length : 0;
  const views: DeviceView[] = [...live].map((entry) => ({
    id: entry.id,
    kind: entry.kind,
    model: entry.device?.model ?? null,
    label: deviceLabel(entry, known),
    fingerprint: entry.fingerprint,
    connected: true,
    state: entry.state,
    message: entry.message,
    remedy: entry.remedy,
    app: entry.probe?.app ?? null,
    blindSigning: entry.probe?.blindSigning ?? null,
    accounts: countFor(entry.fingerprint),
    updatedAt: entry.updatedAt,
  }));
  const present = new Set(views.map((view) => view.fingerprint));
  for (const stored of known.list()) {
    if (stored.kind === 'phone' || present.has(stored.fingerprint)) continue;
    const text = describeState(stored.kind, 'disconnected');
    views.push({
      id: `stored:${stored.fingerprint}`,
      kind: stored.kind,
      model: stored.model,
      label: stored.name,
      fingerprint: stored.fingerprint,
      connected: false,
      state: 'disconnected',
      ...text,
      app: null,
      blindSigning: null,
      accounts: countFor(stored.fingerprint),
      updatedAt: stored.lastSeenAt,
    });
  }
  return views;
}
