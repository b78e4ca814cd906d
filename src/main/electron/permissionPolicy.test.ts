import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from './appOrigin';
import {
  allowsDevice,
  allowsDownload,
  allowsPermissionCheck,
  allowsPermissionRequest,
  deviceToSelect,
} from './permissionPolicy';

const ledger = { deviceId: 'ledger', vendorId: 0x2c97, productId: 0x4011 };
const keyboard = { deviceId: 'keyboard', vendorId: 0x046d, productId: 0xc31c };

describe('allowsPermissionCheck', () => {
  it.each(['hid', 'usb'])('lets the wallet page ask for %s devices', (permission) => {
    expect(allowsPermissionCheck(permission, APP_ORIGIN, true)).toBe(true);
    // Chromium serialises the origin as a URL, with a trailing slash.
    expect(allowsPermissionCheck(permission, `${APP_ORIGIN}/`, true)).toBe(true);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'serial', 'openExternal', 'unknown'])(
    'refuses %s even to the wallet page',
    (permission) => expect(allowsPermissionCheck(permission, APP_ORIGIN, true)).toBe(false),
  );

  it('refuses sub-frames and other origins', () => {
    expect(allowsPermissionCheck('hid', APP_ORIGIN, false)).toBe(false);
    expect(allowsPermissionCheck('hid', 'https://evil.example', true)).toBe(false);
    expect(allowsPermissionCheck('usb', 'null', true)).toBe(false);
  });
});

describe('allowsDevice', () => {
  it('grants a hardware wallet to the wallet page over HID and USB', () => {
    expect(allowsDevice({ deviceType: 'hid', origin: APP_ORIGIN, device: ledger })).toBe(true);
    expect(allowsDevice({ deviceType: 'usb', origin: `${APP_ORIGIN}/`, device: ledger })).toBe(true);
  });

  it('refuses other devices, other origins and serial ports', () => {
    expect(allowsDevice({ deviceType: 'hid', origin: APP_ORIGIN, device: keyboard })).toBe(false);
    expect(allowsDevice({ deviceType: 'hid', origin: 'https://evil.example', device: ledger })).toBe(false);
    expect(
      allowsDevice({
        deviceType: 'serial',
        origin: APP_ORIGIN,
        device: { vendorId: '2c97', productId: '4011' },
      }),
    ).toBe(false);
    expect(allowsDevice({ deviceType: 'hid', origin: APP_ORIGIN, device: {} })).toBe(false);
  });
});

describe('deviceToSelect', () => {
  const walletPage = { origin: APP_ORIGIN, isMainFrame: true };

  it('picks the hardware wallet for the wallet page', () => {
    expect(deviceToSelect(walletPage, [keyboard, ledger])).toBe('ledger');
  });

  it('cancels for a foreign, embedded or vanished frame, or when no wallet is plugged in', () => {
    expect(deviceToSelect({ origin: 'https://evil.example', isMainFrame: true }, [ledger])).toBeUndefined();
    expect(deviceToSelect({ origin: APP_ORIGIN, isMainFrame: false }, [ledger])).toBeUndefined();
    expect(deviceToSelect(null, [ledger])).toBeUndefined();
    expect(deviceToSelect(walletPage, [keyboard])).toBeUndefined();
  });
});

describe('allowsPermissionRequest', () => {
  it('lets the wallet page write to the clipboard, and nothing more', () => {
    expect(allowsPermissionRequest('clipboard-sanitized-write', `${APP_ORIGIN}/index.html`, true)).toBe(true);
    expect(allowsPermissionRequest('clipboard-read', `${APP_ORIGIN}/index.html`, true)).toBe(false);
    expect(allowsPermissionRequest('notifications', `${APP_ORIGIN}/index.html`, true)).toBe(false);
  });

  it('refuses sub-frames and other origins', () => {
    expect(allowsPermissionRequest('clipboard-sanitized-write', `${APP_ORIGIN}/index.html`, false)).toBe(
      false,
    );
    expect(allowsPermissionRequest('clipboard-sanitized-write', 'https://evil.example/', true)).toBe(false);
  });
});

describe('allowsDownload', () => {
  it('allows a blob the wallet page made, and nothing else', () => {
    expect(allowsDownload(`blob:${APP_ORIGIN}/5f0c1d9e-2b7a-4f8e-9c61-0a1b2c3d4e5f`)).toBe(true);
    expect(allowsDownload('blob:https://evil.example/5f0c1d9e')).toBe(false);
    expect(allowsDownload('https://evil.example/payload.exe')).toBe(false);
    expect(allowsDownload(`${APP_ORIGIN}/index.html`)).toBe(false);
  });
});
