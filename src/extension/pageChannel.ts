import type { WalletChannel } from './provider';
import { FROM_PAGE, readReply, type RelayReply } from './relayMessages';

/** The part of `window` the relay uses, so tests can hand in a double. */
export interface PageWindow {
  readonly location: { readonly origin: string };
  postMessage(message: unknown, targetOrigin: string): void;
  addEventListener(type: 'message', listener: (event: { source: unknown; data: unknown }) => void): void;
}

/** Messages posted to the page's own window stay in it; naming its origin keeps it so if it navigates. */
export const ownOrigin = (page: PageWindow) => (page.location.origin === 'null' ? '*' : page.location.origin);

/**
 * The provider's end of the relay: requests go to the content script over `window.postMessage` with the
 * page's tag, and only replies from this window carrying the same tag come back.
 */
export function pageChannel(page: PageWindow, tag: string): WalletChannel {
  const post = (message: object) => page.postMessage({ source: FROM_PAGE, tag, ...message }, ownOrigin(page));
  post({ type: 'hello' });
  return {
    send: (request) => post(request),
    listen(onReply: (reply: RelayReply) => void) {
      page.addEventListener('message', (event) => {
        if (event.source !== page) return;
        const reply = readReply(event.data, tag);
        if (reply) onReply(reply);
      });
    },
  };
}
