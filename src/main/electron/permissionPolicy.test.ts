import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from './appOrigin';
import {
  allowsDisplayCapture,
  allowsDownload,
  allowsPermissionCheck,
  allowsPermissionRequest,
} from './permissionPolicy';

describe('allowsPermissionCheck', () => {
  it('lets the wallet page write to the clipboard', () => {
    expect(allowsPermissionCheck('clipboard-sanitized-write', APP_ORIGIN, true)).toBe(true);
    // Chromium serialises the origin as a URL, with a trailing slash.
    expect(allowsPermissionCheck('clipboard-sanitized-write', `${APP_ORIGIN}/`, true)).toBe(true);
  });

  // Devices are reached from main only, so the page never gets as far as a chooser.
  it.each(['hid', 'usb', 'serial', 'bluetooth'])(
    'refuses %s devices even to the wallet page',
    (permission) => {
      expect(allowsPermissionCheck(permission, APP_ORIGIN, true)).toBe(false);
      expect(allowsPermissionCheck(permission, `${APP_ORIGIN}/`, true)).toBe(false);
    },
  );

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown'])(
    'refuses %s even to the wallet page',
    (permission) => expect(allowsPermissionCheck(permission, APP_ORIGIN, true)).toBe(false),
  );

  it('refuses sub-frames and other origins', () => {
    expect(allowsPermissionCheck('clipboard-sanitized-write', APP_ORIGIN, false)).toBe(false);
    expect(allowsPermissionCheck('clipboard-sanitized-write', 'https://evil.example', true)).toBe(false);
    expect(allowsPermissionCheck('clipboard-sanitized-write', 'null', true)).toBe(false);
  });
});

describe('allowsPermissionRequest', () => {
  it('lets the wallet page write to the clipboard, and nothing more', () => {
    expect(allowsPermissionRequest('clipboard-sanitized-write', `${APP_ORIGIN}/index.html`, true)).toBe(true);
    expect(allowsPermissionRequest('clipboard-read', `${APP_ORIGIN}/index.html`, true)).toBe(false);
    expect(allowsPermissionRequest('notifications', `${APP_ORIGIN}/index.html`, true)).toBe(false);
    for (const device of ['hid', 'usb', 'serial']) {
      expect(allowsPermissionRequest(device, `${APP_ORIGIN}/index.html`, true)).toBe(false);
    }
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

describe('allowsDisplayCapture', () => {
  const asked = { securityOrigin: APP_ORIGIN, isMainFrame: true, userGesture: true, audioRequested: false };

  it('lets the wallet page take a still of the screen right after the user asked', () => {
    expect(allowsDisplayCapture(asked)).toBe(true);
    expect(allowsDisplayCapture({ ...asked, securityOrigin: `${APP_ORIGIN}/` })).toBe(true);
  });

  it('refuses without a user gesture, with sound, from a sub-frame or from another origin', () => {
    expect(allowsDisplayCapture({ ...asked, userGesture: false })).toBe(false);
    expect(allowsDisplayCapture({ ...asked, audioRequested: true })).toBe(false);
    expect(allowsDisplayCapture({ ...asked, isMainFrame: false })).toBe(false);
    expect(allowsDisplayCapture({ ...asked, securityOrigin: 'https://evil.example' })).toBe(false);
    expect(allowsDisplayCapture({ ...asked, securityOrigin: 'null' })).toBe(false);
  });
});
