import type { DesktopCapturerSource, Session, WebContents } from 'electron';
import type { Logger } from '../log';
import { isAppUrl } from './appOrigin';
import { safeExternalUrl } from './externalLinks';
import {
  allowsDisplayCapture,
  allowsDownload,
  allowsPermissionCheck,
  allowsPermissionRequest,
} from './permissionPolicy';

// Only types come from electron here, so the tests run these guards on plain objects shaped like a Session
// and a WebContents, in Node.

/** Only scheme and host reach the log: the rest of a URL can carry an address or whatever the user typed. */
function whereTo(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an unparseable URL';
  }
}

/**
 * Cancels a page's device chooser. Without preventDefault Electron would pick a device on its own; the
 * permission checks already keep the page from getting this far, and this holds even if they did not.
 */
function refuseChooser(
  log: Logger,
  kind: string,
  event: { preventDefault(): void },
  cancel: () => void,
): void {
  event.preventDefault();
  log.warn('device chooser refused', { kind });
  cancel();
}

/** The screens a still can be taken of: `desktopCapturer.getSources({ types: ['screen'] })` in the shell. */
export type ScreenSources = () => Promise<DesktopCapturerSource[]>;

/**
 * Denies by default everything a page could ask the browser for, devices included: the hardware wallets are
 * driven from main. The exceptions are clipboard writes from the wallet's own page, a still of the screen
 * it asks for when the user reads a QR code from the screen, and saving a blob that page made (a backup),
 * always through the save dialog so a compromised page cannot drop files silently.
 */
export function hardenSession(session: Session, log: Logger, screens?: ScreenSources): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = allowsPermissionRequest(permission, details.requestingUrl, details.isMainFrame);
    if (!allowed) log.warn('permission request refused', { permission });
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowsPermissionCheck(permission, requestingOrigin, details.isMainFrame),
  );
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler(
    (request, callback) => {
      const allowed = allowsDisplayCapture({
        securityOrigin: request.securityOrigin,
        isMainFrame: request.frame !== null && request.frame.parent === null,
        userGesture: request.userGesture,
        audioRequested: request.audioRequested,
      });
      if (!allowed || !screens) {
        log.warn('screen capture refused', { from: whereTo(request.securityOrigin) });
        callback({});
        return;
      }
      // The first screen stands in where the system offers no picker; macOS shows its own (useSystemPicker).
      screens().then(
        ([screen]) => callback(screen ? { video: screen } : {}),
        () => callback({}),
      );
    },
    { useSystemPicker: true },
  );
  // No argument cancels a HID or USB chooser; an empty id cancels a serial or Bluetooth one.
  session.on('select-hid-device', (event, _details, callback) =>
    refuseChooser(log, 'hid', event, () => callback()),
  );
  session.on('select-usb-device', (event, _details, callback) =>
    refuseChooser(log, 'usb', event, () => callback()),
  );
  session.on('select-serial-port', (event, _ports, _contents, callback) =>
    refuseChooser(log, 'serial', event, () => callback('')),
  );
  session.on('will-download', (event, item) => {
    // Leaving the save path unset makes Electron ask the user where to save.
    if (allowsDownload(item.getURL())) return;
    event.preventDefault();
    log.warn('download refused', { from: whereTo(item.getURL()) });
  });
}

/** How a link meant for a browser leaves the app: `shell.openExternal` in the shell. */
export type OpenExternal = (url: string) => Promise<void>;

/**
 * Keeps every webContents on the wallet's own pages: no navigation or redirect away, no new windows and no
 * <webview>. A link meant for a browser (an explorer, the docs) opens there, and only over https.
 */
export function hardenContents(contents: WebContents, openExternal: OpenExternal, log: Logger): void {
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn('navigation refused', { to: whereTo(event.url) });
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url);
    if (external) {
      openExternal(external).catch((error: unknown) => {
        log.warn('could not open a link in the browser', { to: whereTo(external), error: String(error) });
      });
    } else {
      log.warn('new window refused', { to: whereTo(url) });
    }
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview refused');
  });
  // Web Bluetooth's chooser lives on the webContents; unanswered, Electron would pick the first device.
  contents.on('select-bluetooth-device', (event, _devices, callback) =>
    refuseChooser(log, 'bluetooth', event, () => callback('')),
  );
}
