import { useEffect, useState } from 'react';
import type { DeviceView } from '../../shared/devices';
import { errorMessage } from '../session/errorMessage';
import { useWallet } from '../session/WalletContext';

export interface Devices {
  /** Null until main has answered. */
  list: DeviceView[] | null;
  error: string | null;
}

/** Connected and known devices, kept current from main's `devices.changed` pushes (plug, unlock, PIN…). */
export function useDevices(): Devices {
  const { client } = useWallet();
  const [devices, setDevices] = useState<Devices>({ list: null, error: null });

  useEffect(() => {
    let current = true;
    // Subscribed before asking, so a device plugged in while the list is on its way is not missed.
    const unsubscribe = client.on('devices.changed', (list) => {
      if (current) setDevices({ list, error: null });
    });
    client.call('devices.list').then(
      (list) => {
        if (current) setDevices({ list, error: null });
      },
      (error: unknown) => {
        if (current) setDevices({ list: null, error: errorMessage(error) });
      },
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, [client]);

  return devices;
}
