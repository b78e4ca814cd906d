import { useMemo } from 'react';
import { deviceName } from '../devices/deviceNames';
import { usePairing } from '../pairing/usePairing';
import { useLiveList } from '../session/useLiveList';

/**
 * Names the device that holds an account's key, by its fingerprint, as the Devices and Pairing pages name it;
 * null while the device is unknown here (forgotten, or not loaded yet).
 */
export function useDeviceNames(): (fingerprint: string | null) => string | null {
  const devices = useLiveList('devices.list').list;
  const phones = usePairing().view?.phones;
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const device of devices ?? []) {
      if (device.fingerprint) names.set(device.fingerprint, deviceName(device));
    }
    for (const phone of phones ?? []) names.set(phone.fingerprint, phone.name);
    return (fingerprint) => (fingerprint === null ? null : (names.get(fingerprint) ?? null));
  }, [devices, phones]);
}
