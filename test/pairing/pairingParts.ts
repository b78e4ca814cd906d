import { bytesToHex } from '@noble/hashes/utils.js';
import { vi } from 'vitest';
import {
  decodeDesktopMessage,
  encodeMessage,
  type DesktopMessage,
  type PhoneMessage,
} from '../../src/shared/pairing/messages';
import type { RelayLink } from '../../src/shared/pairing/relayLink';
import { SecureChannel } from '../../src/shared/pairing/secureChannel';
import type { SessionSecrets } from '../../src/shared/pairing/sessionKeys';

/** Fixtures for the pairing parts' in-process tests: no relay, no socket. */

export type LinkCall = [name: keyof RelayLink, ...args: unknown[]];

/** A relay link that records what the desktop asks of it, ids as hex. */
export function recordingLink(): RelayLink & {
  calls: LinkCall[];
  sent: { route: string; frame: Uint8Array }[];
} {
  const calls: LinkCall[] = [];
  const sent: { route: string; frame: Uint8Array }[] = [];
  const record =
    (name: keyof RelayLink) =>
    (...args: unknown[]) =>
      void calls.push([name, ...args.map((arg) => (arg instanceof Uint8Array ? bytesToHex(arg) : arg))]);
  return {
    calls,
    sent,
    listen: record('listen'),
    unlisten: record('unlisten'),
    open: record('open'),
    close: record('close'),
    knock: record('knock'),
    send: (route, frame) => {
      calls.push(['send', bytesToHex(route)]);
      sent.push({ route: bytesToHex(route), frame });
    },
    disconnect: record('disconnect'),
  };
}

export const quietLog = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

/** Session secrets and keys for a session the test opens by hand, with the phone's end of its channel. */
export function sessionPair(seed: number): {
  secrets: SessionSecrets;
  keys: { send: Uint8Array; receive: Uint8Array };
  phone: PhoneEnd;
} {
  const bytes = (length: number, offset: number) => new Uint8Array(length).fill(seed + offset);
  const secrets = { route: bytes(16, 0), resumePsk: bytes(32, 1), inbox: bytes(16, 2) };
  const keys = { send: bytes(32, 3), receive: bytes(32, 4) };
  return { secrets, keys, phone: phoneEnd(secrets.route, { send: keys.receive, receive: keys.send }) };
}

export interface PhoneEnd {
  /** The frames of one phone message. */
  seal(message: PhoneMessage): Uint8Array[];
  /** What the desktop sent on this route, opened. */
  read(sent: readonly { route: string; frame: Uint8Array }[]): DesktopMessage[];
}

/** The phone's side of a session: it seals what it says and opens what the desktop sent on the route. */
export function phoneEnd(route: Uint8Array, keys: { send: Uint8Array; receive: Uint8Array }): PhoneEnd {
  const channel = new SecureChannel({ route, ...keys });
  const hex = bytesToHex(route);
  let read = 0;
  return {
    seal: (message) => channel.seal(encodeMessage(message)),
    read: (sent) => {
      const messages: DesktopMessage[] = [];
      for (const { route: to, frame } of sent.slice(read)) {
        if (to !== hex) continue;
        const bytes = channel.open(frame);
        if (bytes) messages.push(decodeDesktopMessage(bytes));
      }
      read = sent.length;
      return messages;
    },
  };
}
