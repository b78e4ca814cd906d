import type { SigningRequestView } from '../../src/shared/devices';
import type { PhoneView, RelayView } from '../../src/shared/pairing';

export const PAIRED_AT = 1_700_000_000_000;

/** A relay as main starts it on a fresh install: loopback only, until the user picks the Wi-Fi interface. */
export function loopbackRelay(): RelayView {
  return {
    running: true,
    host: '127.0.0.1',
    port: 8787,
    url: 'http://127.0.0.1:8787/',
    interfaces: [
      { name: 'loopback', address: '127.0.0.1' },
      { name: 'wlan0', address: '192.168.1.20' },
    ],
    error: null,
  };
}

export function pairedPhone(name: string, extra: Partial<PhoneView> = {}): PhoneView {
  return {
    fingerprint: `phone-${name.toLowerCase().replace(/\W+/g, '-')}`,
    name,
    address: '0x8ba1f109551bD432803012645Ac136ddd64DBA72',
    pairedAt: PAIRED_AT,
    lastSeenAt: PAIRED_AT,
    online: true,
    status: 'active',
    accountId: null,
    ...extra,
  };
}

/** A phone's signing request as main pushes it while the phone is offline. */
export function phoneRequest(phone: PhoneView, change: Partial<SigningRequestView> = {}): SigningRequestView {
  return {
    id: 'phone-request-1',
    action: 'message',
    account: { id: 7, address: phone.address, label: phone.name },
    signer: { kind: 'phone', label: phone.name, fingerprint: phone.fingerprint, model: null },
    check: [{ label: 'Message', value: 'gm' }],
    blind: false,
    review: null,
    status: 'waiting_for_phone',
    expiresAt: Date.now() + 5 * 60_000,
    error: null,
    startedAt: Date.now(),
    ...change,
  };
}
