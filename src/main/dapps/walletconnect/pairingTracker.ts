import type { WalletConnectPairingView } from '../../../shared/walletConnect';

/** How long a dApp has, once paired, to send its session proposal. */
export const PROPOSAL_WAIT_MS = 30_000;

const NO_PROPOSAL =
  'The dApp did not send a session proposal within 30 seconds. Make a new link or QR code in the dApp and try again.';

/**
 * The last pairing the user started, as the view shows it: waiting for the dApp's proposal, proposed, or
 * failed with the reason. A pairing that stays silent fails after PROPOSAL_WAIT_MS.
 */
export class PairingTracker {
  private pairing: WalletConnectPairingView | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly changed: () => void,
    private readonly now: () => number,
    private readonly waitMs = PROPOSAL_WAIT_MS,
  ) {}

  view(): WalletConnectPairingView | null {
    return this.pairing;
  }

  started(): void {
    this.set({ state: 'waiting', error: null, startedAt: this.now() });
    this.timer = setTimeout(() => this.failed(NO_PROPOSAL), this.waitMs);
  }

  /** A proposal arrived: the pairing that waited for one is done. */
  proposed(): void {
    if (this.pairing?.state === 'waiting') this.set({ ...this.pairing, state: 'proposed' });
  }

  failed(error: string): void {
    this.set({
      state: 'failed',
      error: error.slice(0, 300),
      startedAt: this.pairing?.startedAt ?? this.now(),
    });
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(pairing: WalletConnectPairingView): void {
    this.stop();
    this.pairing = pairing;
    this.changed();
  }
}
