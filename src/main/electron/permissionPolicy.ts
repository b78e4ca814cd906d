import { isAppUrl } from './appOrigin';

/**
 * The one thing the wallet's page may ask the browser for: "Copy address" writes plain text to the clipboard.
 * Reading it back is never allowed, and neither is anything else (camera, notifications, geolocation, …).
 * Above all the page gets no device: `hid`, `usb` and `serial` are refused like the rest, because every
 * exchange with a hardware wallet happens in main, where each signature is checked before it is used. A
 * compromised page can then neither talk to a device directly nor pick one through a chooser.
 */
const PAGE_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Chromium's permission check (asked, among others, before a page may even enumerate devices). */
export function allowsPermissionCheck(permission: string, origin: string, isMainFrame: boolean): boolean {
  return PAGE_PERMISSIONS.has(permission) && isMainFrame && isAppUrl(origin);
}

/** A page's request for a permission at run time: only clipboard writes, only from the wallet's main frame. */
export function allowsPermissionRequest(
  permission: string,
  requestingUrl: string,
  isMainFrame: boolean,
): boolean {
  return PAGE_PERMISSIONS.has(permission) && isMainFrame && isAppUrl(requestingUrl);
}

/** What Electron tells of a page's `getDisplayMedia()` call. */
export interface DisplayCaptureRequest {
  securityOrigin: string;
  isMainFrame: boolean;
  userGesture: boolean;
  audioRequested: boolean;
}

/**
 * A still of the screen, so the user can mark the region that shows a dApp's WalletConnect QR code: only the
 * wallet's own main frame, only right after the user pressed its button, and never sound.
 */
export function allowsDisplayCapture(request: DisplayCaptureRequest): boolean {
  return (
    request.isMainFrame && request.userGesture && !request.audioRequested && isAppUrl(request.securityOrigin)
  );
}

/**
 * The wallet saves files only as blobs its own page made (a backup export); Electron then asks the user where
 * to save each one. Anything else a page might try to download is refused.
 */
export function allowsDownload(url: string): boolean {
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}
