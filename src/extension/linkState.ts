import type { BridgeStatus } from '../shared/bridge/bridgeClient';

/** Where the service worker stands with the desktop, as the bridge client reports it. */
export type LinkStatus = BridgeStatus;

/** What the worker needs of the bridge client (src/shared/bridge/bridgeClient.ts). */
export interface DesktopLink {
  connect(): Promise<void>;
  request(origin: string, method: string, params: unknown): Promise<unknown>;
  onEvent(listener: (origin: string, name: string, data: unknown) => void): () => void;
  onStatus(listener: (status: LinkStatus) => void): () => void;
}

/** How long a request waits for a socket that is opening (the worker has just woken, say). */
export const CONNECT_WAIT_MS = 3_000;

/** The last status the client reported, and a way to wait for a usable link before a request. */
export class LinkState {
  #status: LinkStatus;
  #retried = false;
  readonly #listeners = new Set<(status: LinkStatus) => void>();

  /** `initial` stands until the client reports; `connecting` while the stored pairing is still being read. */
  constructor(
    private readonly link: Pick<DesktopLink, 'connect' | 'onStatus'>,
    initial: LinkStatus,
  ) {
    this.#status = initial;
    link.onStatus((status) => this.set(status));
  }

  get status(): LinkStatus {
    return this.#status;
  }

  /** The client reports changes only; the worker says `unpaired` itself when storage holds no pairing. */
  set(status: LinkStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    this.#retried = false;
    for (const listener of [...this.#listeners]) listener(status);
  }

  /** Registers a listener; the returned function removes it. */
  onChange(listener: (status: LinkStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Online now, or the outcome of the attempt under way. When offline, tries the desktop once at once rather
   * than at the end of the backoff: a dApp asking is a good sign the user just opened Ledgerline.
   */
  usable(waitMs = CONNECT_WAIT_MS): Promise<LinkStatus> {
    if (this.#status === 'online' || this.#status === 'unpaired') return Promise.resolve(this.#status);
    if (this.#status === 'offline' && !this.#retried) {
      this.#retried = true;
      this.link.connect().catch(() => undefined);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(this.#status), waitMs);
      // Any settled status ends the wait: online, or an attempt that failed (no point waiting out the timer).
      const stop = this.onChange((status) => {
        if (status !== 'connecting') settle(status);
      });
      function settle(status: LinkStatus) {
        clearTimeout(timer);
        stop();
        resolve(status);
      }
    });
  }
}
