import type { DeviceView } from '../../shared/devices';
import { type LiveList, useLiveList } from '../session/useLiveList';

export type Devices = LiveList<DeviceView>;

/** Connected and known devices, kept current from main's `devices.changed` pushes (plug, unlock, PIN…). */
export function useDevices(): Devices {
  return useLiveList('devices.list');
}
