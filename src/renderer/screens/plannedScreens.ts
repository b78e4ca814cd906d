import type { RouteId } from '../routing/routes';

export interface PlannedScreen {
  lede: string;
  /** The state the user is in today, said plainly. */
  headline: string;
  /** What to do about it now. */
  guidance: string;
  /** What the screen will offer once it is built; promises, not data. */
  capabilities: readonly string[];
  next: { label: string; to: RouteId };
}

/** The screens that are built; every other route shows its planned state. */
export type BuiltRouteId = 'settings' | 'portfolio' | 'devices' | 'history' | 'send' | 'approvals';

/** The copy for every screen that is not built yet. Each one says what it will do and what to do now. */
export const PLANNED_SCREENS: Record<Exclude<RouteId, BuiltRouteId>, PlannedScreen> = {
  pairing: {
    lede: 'Your phone as a second signer, linked end-to-end encrypted over your local network.',
    headline: 'Phone pairing is in progress',
    guidance:
      'There is nothing to pair yet. In the meantime you can choose your display currency and default network in Settings.',
    capabilities: [
      'A short-lived, single-use QR code to start pairing',
      'A short code shown on both screens, so you can rule out an impostor',
      'Signing requests and synced labels end-to-end encrypted; the relay sees only opaque blobs',
    ],
    next: { label: 'Open Settings', to: 'settings' },
  },
};
