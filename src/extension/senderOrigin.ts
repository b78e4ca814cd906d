import { SiteOrigin } from '../shared/dapps';

/** What the browser says about the frame at the other end of a port. */
export interface PortSender {
  origin?: string;
  url?: string;
}

/**
 * The site a frame belongs to, as the browser reports it, never as the page says: `origin` (the frame's
 * real origin, also for sandboxed frames, whose origin is opaque), else the origin of its URL. Null for
 * anything that is not a site the wallet serves (opaque origins, plain http off this machine, extension
 * pages): such a frame gets 4100 for everything.
 */
export function senderOrigin(sender: PortSender | undefined): string | null {
  let origin = sender?.origin;
  if (origin === undefined && sender?.url !== undefined) {
    try {
      origin = new URL(sender.url).origin;
    } catch {
      return null;
    }
  }
  return origin !== undefined && SiteOrigin.safeParse(origin).success ? origin : null;
}
