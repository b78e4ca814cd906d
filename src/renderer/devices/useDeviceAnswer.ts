import type { DeviceAnswer } from '../../shared/devices';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';

/** Sends a PIN or passphrase (or null, to cancel) to the device that asked, then lets the dialog go. */
export function useDeviceAnswer(deviceId: string, request: DeviceAnswer['request'], onAnswered: () => void) {
  const { client } = useWallet();
  const answer = useAction(async (value: string | null) => {
    await client.call('devices.answer', { deviceId, request, value });
    onAnswered();
  });
  return {
    answer,
    busy: answer.state.status === 'working',
    send: (value: string | null) => {
      if (answer.state.status !== 'working') void answer.run(value);
    },
  };
}
