import { ownOrigin, type PageWindow } from './pageChannel';
import {
  FROM_EXTENSION,
  readPageMessage,
  readReply,
  type RelayReply,
  type RelayRequest,
} from './relayMessages';
import { ErrorCode } from './rpcErrors';

/** The part of a `chrome.runtime.Port` the relay uses. */
export interface WorkerPort {
  postMessage(message: RelayRequest): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export const PROVIDER_PORT = 'ledgerline-provider';

const RESTARTED = 'The Ledgerline extension restarted. Try again.';

/**
 * The content script's job, in the isolated world: carry requests from this frame's provider to the
 * service worker and replies back. It adds nothing: the worker learns the frame's origin from the browser.
 * The port opens on the first request, so pages that never ask for a wallet never wake the worker.
 */
export function startRelay(page: PageWindow, connect: () => WorkerPort): void {
  let tag: string | null = null;
  let port: WorkerPort | null = null;
  const waiting = new Set<number>();

  const toPage = (reply: RelayReply) => {
    if (reply.type === 'response') waiting.delete(reply.id);
    page.postMessage({ source: FROM_EXTENSION, tag, ...reply }, ownOrigin(page));
  };
  const failWaiting = (message: string) => {
    for (const id of [...waiting])
      toPage({ type: 'response', id, error: { code: ErrorCode.disconnected, message } });
  };

  const open = (): WorkerPort | null => {
    if (port) return port;
    try {
      port = connect();
    } catch {
      // The extension was reloaded or removed under this page: its runtime is gone until the page reloads.
      return null;
    }
    port.onMessage.addListener((message) => {
      const reply = readReply(message, null);
      if (reply) toPage(reply);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      failWaiting(RESTARTED);
    });
    return port;
  };

  page.addEventListener('message', (event) => {
    if (event.source !== page) return;
    const message = readPageMessage(event.data);
    if (!message) return;
    // The first provider to speak names the channel; a frame has one provider script, run before the page's.
    tag ??= message.tag;
    if (message.tag !== tag || message.type === 'hello') return;
    const { id, method, params } = message;
    waiting.add(id);
    const worker = open();
    if (!worker) {
      failWaiting('The Ledgerline extension was updated or removed. Reload the page.');
      return;
    }
    try {
      worker.postMessage(
        params === undefined ? { type: 'request', id, method } : { type: 'request', id, method, params },
      );
    } catch {
      // The worker went away between two messages; the next request opens a new port.
      port = null;
      failWaiting(RESTARTED);
    }
  });
}
