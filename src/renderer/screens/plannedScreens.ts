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
export type BuiltRouteId = 'settings' | 'portfolio' | 'devices' | 'history';

/** The copy for every screen that is not built yet. Each one says what it will do and what to do now. */
export const PLANNED_SCREENS: Record<Exclude<RouteId, BuiltRouteId>, PlannedScreen> = {
  send: {
    lede: 'Send coins and tokens with the fee shown up front and every detail confirmed on your device.',
    headline: 'No account to send from',
    guidance: 'Sending needs an account on a Ledger, Trezor or paired phone. Add one in Devices first.',
    capabilities: [
      'The full fee, in the native coin and in your currency, before you sign',
      'Each signature checked against your address before anything is broadcast',
      'Speed up or cancel a transaction while it is still pending',
    ],
    next: { label: 'Go to Devices', to: 'devices' },
  },
  approvals: {
    lede: 'Every token allowance your accounts have granted, on every network, with a way to revoke it.',
    headline: 'No accounts to check',
    guidance:
      'Add an account in Devices and this screen will list every contract allowed to spend its tokens.',
    capabilities: [
      'Unlimited and long-unused allowances listed first',
      'The spender’s known name where there is one, and its address always',
      'Revoke in one step, signed on your device',
    ],
    next: { label: 'Go to Devices', to: 'devices' },
  },
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
