import { ipcMain, type WebContents } from 'electron';
import { CHANNELS } from '../../shared/api/contract';
import { eventChannel } from '../../shared/api/surface';
import type { Core } from '../core';
import { isAppUrl } from './appOrigin';
import { senderOf } from './ipcSender';

/**
 * Connects the contract to Electron's IPC: one handler per declared channel, nothing generic. The router
 * validates the payload and the sender; this only reports the sender as Chromium sees it.
 */
export function connectIpc(core: Core, ownContents: () => readonly WebContents[]): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      core.router.invoke(
        channel,
        payload,
        senderOf({
          frame: event.senderFrame,
          mainFrame: event.sender.mainFrame,
          fromOwnWindow: ownContents().includes(event.sender),
        }),
      ),
    );
  }
  core.events.subscribe((name, payload) => {
    for (const contents of ownContents()) {
      // Navigation is denied, but state still only goes to a window that is showing the wallet's own page.
      if (isAppUrl(contents.getURL())) contents.send(eventChannel(name), payload);
    }
  });
}
