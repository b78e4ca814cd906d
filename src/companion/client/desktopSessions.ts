import type { PhoneMessage } from '../../shared/pairing/messages';
import { PairingError } from '../../shared/pairing/pairingError';
import type { RelayLink } from '../../shared/pairing/relayLink';
import type { SecureChannel } from '../../shared/pairing/secureChannel';
import { transmit } from './desktopLink';

interface Session {
  link: RelayLink;
  channel: SecureChannel;
  timer: ReturnType<typeof setInterval> | null;
}

/** The live encrypted sessions, one per connected desktop, each pinging so the desktop knows it is there. */
export class DesktopSessions {
  private readonly sessions = new Map<string, Session>();

  /** `pingMs` 0 never pings. */
  constructor(private readonly pingMs: number) {}

  has(desktopId: string): boolean {
    return this.sessions.has(desktopId);
  }

  /** Whether this channel is the one the desktop's live session runs on. */
  runsOn(desktopId: string, channel: SecureChannel): boolean {
    return this.sessions.get(desktopId)?.channel === channel;
  }

  ids(): string[] {
    return [...this.sessions.keys()];
  }

  attach(desktopId: string, link: RelayLink, channel: SecureChannel): void {
    const timer =
      this.pingMs > 0 ? setInterval(() => this.send(desktopId, { t: 'ping' }), this.pingMs) : null;
    this.sessions.set(desktopId, { link, channel, timer });
  }

  /** Ends the session and its relay connection; false when there was none. */
  detach(desktopId: string): boolean {
    const session = this.sessions.get(desktopId);
    if (!session) return false;
    this.sessions.delete(desktopId);
    if (session.timer) clearInterval(session.timer);
    session.link.disconnect();
    return true;
  }

  send(desktopId: string, message: PhoneMessage): void {
    const session = this.sessions.get(desktopId);
    if (!session) throw new PairingError('relay_unreachable', 'Not connected to that desktop.');
    transmit(session.link, session.channel, message);
  }
}
