import { shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../log';
import { isAppUrl } from './appOrigin';
import { safeExternalUrl } from './externalLinks';
import type { UsbIds } from './hardwareWallets';
import {
  allowsDevice,
  allowsDownload,
  allowsPermissionCheck,
  allowsPermissionRequest,
  deviceToSelect,
  type ChooserFrame,
} from './permissionPolicy';

/** Only scheme and host reach the log: the rest of a URL can carry an address or whatever the user typed. */
function whereTo(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an unparseable URL';
  }
}

interface DeviceChooserDetails {
  frame: { origin: string; parent: unknown } | null;
  deviceList: readonly (UsbIds & { deviceId: string })[];
}

/** Answers `select-hid-device` and `select-usb-device` alike; without preventDefault Electron picks itself. */
function chooseHardwareWallet(
  event: { preventDefault(): void },
  { frame, deviceList }: DeviceChooserDetails,
  callback: (deviceId?: string) => void,
): void {
  event.preventDefault();
  const chooser: ChooserFrame | null = frame && { origin: frame.origin, isMainFrame: frame.parent === null };
  callback(deviceToSelect(chooser, deviceList));
}

/**
 * Denies by default everything a page could ask the browser for. The exceptions are device access for
 * hardware wallets and clipboard writes, on the wallet's own page, and saving a blob that page made (a
 * backup), always through the save dialog so a compromised page cannot drop files silently.
 */
export function hardenSession(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = allowsPermissionRequest(permission, details.requestingUrl, details.isMainFrame);
    if (!allowed) log.warn('permission request refused', { permission });
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowsPermissionCheck(permission, requestingOrigin, details.isMainFrame),
  );
  session.setDevicePermissionHandler((details) => allowsDevice(details));
  session.on('select-hid-device', chooseHardwareWallet);
  session.on('select-usb-device', chooseHardwareWallet);
  session.on('will-download', (event, item) => {
    // Leaving the save path unset makes Electron ask the user where to save.
    if (allowsDownload(item.getURL())) return;
    event.preventDefault();
    log.warn('download refused', { from: whereTo(item.getURL()) });
  });
}

/**
 * Keeps every webContents on the wallet's own pages: no navigation or redirect away, no new windows and no
 * <webview>. A link meant for a browser (an explorer, the docs) opens there, and only over https.
 */
export function hardenContents(contents: WebContents, log: Logger): void {
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
      shell.openExternal(external).catch((error: unknown) => {
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
}
