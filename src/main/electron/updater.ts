import { app } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { Logger } from '../log';
import { RELEASE_PUBLIC_KEY } from '../updates/releaseKey';
import { type UpdateEngine, createUpdateEngine } from '../updates/updateEngine';

/**
 * electron-updater's updater for this platform's installer (NSIS, DMG/zip, AppImage or deb), behind the signed
 * feed and the pinned release key. Only a packaged app has an installer to replace: run from the source tree,
 * there is none, and the Updates service says so.
 */
export function appUpdateEngine(log: Logger): UpdateEngine | undefined {
  if (!app.isPackaged) return undefined;
  return createUpdateEngine(autoUpdater, {
    publicKey: RELEASE_PUBLIC_KEY,
    installedVersion: app.getVersion(),
    log,
  });
}
