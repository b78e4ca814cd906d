import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_NAMES } from '../shared/api/channels';
import { eventChannel, splitChannel, type WalletSurface } from '../shared/api/surface';

type Call = (request?: unknown) => Promise<unknown>;
type Subscribe = (listener: (payload: unknown) => void) => () => void;

/**
 * `window.wallet`, generated from the contract: one method per declared channel and one subscription per
 * declared event. Each closure is bound to its own channel name, so the page can never choose a channel,
 * and it never sees `ipcRenderer` or an IPC event object.
 */
function walletSurface(): WalletSurface {
  const groups: Record<string, Record<string, Call>> = {};
  for (const channel of CHANNELS) {
    const [group, method] = splitChannel(channel);
    (groups[group] ??= {})[method] = (request) => ipcRenderer.invoke(channel, request);
  }
  const events: Record<string, Subscribe> = {};
  for (const name of EVENT_NAMES) {
    events[name] = (listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(eventChannel(name), forward);
      return () => void ipcRenderer.removeListener(eventChannel(name), forward);
    };
  }
  // The loops above build exactly the shape WalletSurface derives from the same contract.
  return { ...groups, events } as unknown as WalletSurface;
}

contextBridge.exposeInMainWorld('wallet', walletSurface());
