import { useState } from 'react';
import type { DeviceView } from '../../shared/devices';
import { PassphraseDialog } from './PassphraseDialog';
import { PinDialog } from './PinDialog';
import { useDevices } from './useDevices';

const askedFor = (device: DeviceView) => `${device.id}:${device.state}:${device.updatedAt}`;

/**
 * Answers a Trezor that asks for its PIN or passphrase, from any screen: the request comes from the device
 * in the middle of whatever the user started, so it cannot wait for them to open Devices.
 */
export function TrezorPrompts() {
  const { list } = useDevices();
  // Once answered, a request stays closed until the device moves on, even if main's push is still on its way.
  const [answered, setAnswered] = useState<string | null>(null);
  const device = list?.find(
    (candidate) =>
      (candidate.state === 'pin_requested' || candidate.state === 'passphrase_requested') &&
      askedFor(candidate) !== answered,
  );
  if (!device) return null;
  const onAnswered = () => setAnswered(askedFor(device));
  return device.state === 'pin_requested' ? (
    <PinDialog key={askedFor(device)} device={device} onAnswered={onAnswered} />
  ) : (
    <PassphraseDialog key={askedFor(device)} device={device} onAnswered={onAnswered} />
  );
}
