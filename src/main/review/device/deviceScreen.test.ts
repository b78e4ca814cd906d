import { describe, expect, it } from 'vitest';
import { DeviceScreen } from '../../../shared/review';
import { deviceScreen } from './deviceScreen';
import { ethSend, usdcSend } from '../../../../test/review/deviceScreenFixtures';

describe('deviceScreen', () => {
  it.each(['ledger', 'trezor', 'phone'] as const)(
    'answers for a %s with its kind, label and fingerprint',
    (kind) => {
      const screen = deviceScreen(usdcSend(kind));
      expect(screen).toMatchObject({ kind, label: `My ${kind}`, fingerprint: 'f00dfeed' });
      expect(DeviceScreen.safeParse(screen).success).toBe(true);
    },
  );

  it('reads the transaction as the device does: an action that says otherwise changes nothing', () => {
    const send = usdcSend('ledger');
    const claimed = deviceScreen({ ...send, action: ethSend('ledger', 1n).action });
    expect(claimed.lines).toEqual(deviceScreen(send).lines);
  });
});
