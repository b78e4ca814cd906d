import { randomBytes } from 'node:crypto';
import { bytesToHex } from '@noble/hashes/utils.js';
import { BRIDGE_INVITE_LIFETIME_MS, encodeBridgeCode } from '../../../shared/bridge/bridgeInvite';
import type { BrowserPairingView } from '../../../shared/dapps';
import { ApiError } from '../../../shared/api/envelope';

/** The socket of the extension that holds the code, as the pairing sees it. */
export interface PairingPeer {
  /** Both sides confirmed: store the browser, tell the extension, and go on as a paired browser. */
  accept(): Promise<void>;
  refuse(reason: string): void;
}

interface Attempt {
  view: BrowserPairingView;
  rendezvous: Uint8Array;
  psk: Uint8Array;
  /** The code was used by a handshake: it opens no second one. */
  claimed: boolean;
  peer: PairingPeer | null;
  timer: ReturnType<typeof setTimeout>;
}

export interface BrowserPairingOptions {
  now: () => number;
  changed(): void;
}

/**
 * The pairing code on screen and what follows it: one handshake may use it, the extension proves the
 * pre-shared key with its hello, both sides show the six digits, and the user confirms on the desktop.
 * One attempt at a time; a new code withdraws the last.
 */
export class BrowserPairing {
  private attempt: Attempt | null = null;

  constructor(private readonly options: BrowserPairingOptions) {}

  start(desktopKey: Uint8Array, port: number): void {
    this.end('A new pairing code replaced this one.');
    const rendezvous = randomBytes(16);
    const psk = randomBytes(32);
    const expiresAt = this.options.now() + BRIDGE_INVITE_LIFETIME_MS;
    const id = bytesToHex(randomBytes(16));
    this.attempt = {
      view: {
        id,
        code: encodeBridgeCode({ rendezvous, desktopKey, psk, expiresAt, port }),
        expiresAt,
        state: 'waiting',
        sas: null,
        browserName: null,
        error: null,
      },
      rendezvous,
      psk,
      claimed: false,
      peer: null,
      timer: this.timer(id, BRIDGE_INVITE_LIFETIME_MS),
    };
  }

  /** The code's pre-shared key, once, for a handshake that names its rendezvous; else null. */
  claim(rendezvous: Uint8Array): Uint8Array | null {
    const attempt = this.attempt;
    if (!attempt || attempt.claimed || attempt.view.state !== 'waiting') return null;
    if (!equal(attempt.rendezvous, rendezvous)) return null;
    attempt.claimed = true;
    return attempt.psk;
  }

  /** The extension that used the code proved its psk: both sides now show `sas`. */
  hello(peer: PairingPeer, name: string, sas: string): void {
    const attempt = this.attempt;
    if (!attempt || !attempt.claimed || attempt.peer || attempt.view.state !== 'waiting') {
      peer.refuse('This pairing code is no longer shown on the desktop.');
      return;
    }
    attempt.peer = peer;
    attempt.view = { ...attempt.view, state: 'confirming', sas, browserName: name };
    clearTimeout(attempt.timer);
    attempt.timer = this.timer(attempt.view.id, BRIDGE_INVITE_LIFETIME_MS);
    this.options.changed();
  }

  /** The socket that claimed the code went away, or failed to prove the code. */
  lost(peer: PairingPeer | null, reason: string): void {
    const attempt = this.attempt;
    if (!attempt || !attempt.claimed || attempt.peer !== peer || attempt.view.state === 'paired') return;
    this.fail(attempt, reason);
  }

  async confirm(id: string, matches: boolean): Promise<void> {
    const attempt = this.current(id);
    if (attempt.view.state !== 'confirming' || !attempt.peer) {
      throw new ApiError(
        'invalid_state',
        'There is no code to compare yet: paste the pairing code in the extension first.',
      );
    }
    if (!matches) {
      attempt.peer.refuse('The codes differ, said the user on the desktop. Nothing was paired.');
      this.fail(attempt, 'You said the codes differ. Nothing was paired; show a new code to try again.');
      return;
    }
    try {
      await attempt.peer.accept();
    } catch (error) {
      attempt.peer.refuse('The desktop could not store this browser.');
      this.fail(
        attempt,
        `The browser could not be stored: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    clearTimeout(attempt.timer);
    attempt.view = { ...attempt.view, state: 'paired' };
    this.options.changed();
  }

  cancel(id: string): void {
    this.current(id);
    this.end('Pairing was cancelled on the desktop.');
  }

  /** Withdraws the attempt, telling an extension that is comparing codes. */
  end(reason = 'Pairing ended on the desktop.'): void {
    const attempt = this.attempt;
    if (!attempt) return;
    clearTimeout(attempt.timer);
    if (attempt.view.state === 'confirming') attempt.peer?.refuse(reason);
    this.attempt = null;
  }

  view(): BrowserPairingView | null {
    return this.attempt?.view ?? null;
  }

  private fail(attempt: Attempt, error: string): void {
    clearTimeout(attempt.timer);
    attempt.view = { ...attempt.view, state: 'failed', sas: null, error };
    this.options.changed();
  }

  private expire(id: string): void {
    const attempt = this.attempt;
    if (!attempt || attempt.view.id !== id) return;
    if (attempt.view.state === 'confirming') {
      attempt.peer?.refuse('The codes were not confirmed in time.');
      this.fail(attempt, 'The codes were not confirmed in time. Show a new code.');
    } else if (attempt.view.state === 'waiting') {
      attempt.view = {
        ...attempt.view,
        state: 'expired',
        error: 'The code expired before an extension used it.',
      };
      this.options.changed();
    }
  }

  private timer(id: string, ms: number): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => this.expire(id), ms);
    timer.unref();
    return timer;
  }

  private current(id: string): Attempt {
    if (this.attempt?.view.id !== id) {
      throw new ApiError('not_found', 'That pairing code is not shown any more. Show a new one.');
    }
    return this.attempt;
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
