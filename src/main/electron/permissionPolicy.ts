import { isAppUrl } from './appOrigin';
import { firstHardwareWallet, isHardwareWallet, type UsbIds } from './hardwareWallets';

/** Everything else (camera, notifications, clipboard reads, geolocation, serial, …) is refused outright. */
const DEVICE_PERMISSIONS: ReadonlySet<string> = new Set(['hid', 'usb']);
/** "Copy address" needs to write plain text to the clipboard; reading it back is never allowed. */
const PAGE_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Chromium's permission check, asked before a page may even enumerate devices. Only the wallet's own main
 * frame gets as far as the device chooser; embedded frames never do, whatever their origin.
 */
export function allowsPermissionCheck(permission: string, origin: string, isMainFrame: boolean): boolean {
  return (
    (DEVICE_PERMISSIONS.has(permission) || PAGE_PERMISSIONS.has(permission)) &&
    isMainFrame &&
    isAppUrl(origin)
  );
}

/** A page's request for a permission at run time: only clipboard writes, only from the wallet's main frame. */
export function allowsPermissionRequest(
  permission: string,
  requestingUrl: string,
  isMainFrame: boolean,
): boolean {
  return PAGE_PERMISSIONS.has(permission) && isMainFrame && isAppUrl(requestingUrl);
}

/**
 * The wallet saves files only as blobs its own page made (a backup export); Electron then asks the user where
 * to save each one. Anything else a page might try to download is refused.
 */
export function allowsDownload(url: string): boolean {
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}

export interface DevicePermissionRequest {
  deviceType: string;
  origin: string;
  /** Serial ports describe their ids as strings, so nothing is assumed about the shape. */
  device: { vendorId?: unknown; productId?: unknown };
}

/** Chromium's per-device grant: a hardware wallet, over HID or WebUSB, for the wallet's own origin. */
export function allowsDevice({ deviceType, origin, device }: DevicePermissionRequest): boolean {
  const { vendorId, productId } = device;
  return (
    DEVICE_PERMISSIONS.has(deviceType) &&
    isAppUrl(origin) &&
    typeof vendorId === 'number' &&
    typeof productId === 'number' &&
    isHardwareWallet({ vendorId, productId })
  );
}

/** The frame that opened a device chooser; null once it has navigated away or been destroyed. */
export interface ChooserFrame {
  origin: string;
  isMainFrame: boolean;
}

/**
 * Answers a page's device chooser (`navigator.hid.requestDevice` and the WebUSB equivalent): the first
 * hardware wallet plugged in, for the wallet's own main frame only. `undefined` cancels the request.
 */
export function deviceToSelect<D extends UsbIds & { deviceId: string }>(
  frame: ChooserFrame | null,
  devices: readonly D[],
): string | undefined {
  if (frame === null || !frame.isMainFrame || !isAppUrl(frame.origin)) return undefined;
  return firstHardwareWallet(devices)?.deviceId;
}
