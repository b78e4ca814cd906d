/**
 * `window.ethereum`, for the sites where the user turned it on. The service worker registers a tiny
 * main-world script (ethereumFlag.ts) for exactly those origins; it and the provider script meet in one
 * slot on `window`, whichever runs first. A page could use the slot to ask for `window.ethereum` on itself,
 * which gives it nothing it could not take from the EIP-6963 announcement.
 */
const SLOT = Symbol.for('app.ledgerline.windowEthereum');

type Slotted = Record<typeof SLOT, unknown> & { ethereum?: unknown };

/** Called by the flag script: installs the provider now, or leaves word for the provider script. */
export function requestWindowEthereum(target: object): void {
  const slot = target as Slotted;
  const install = slot[SLOT];
  if (typeof install === 'function') install();
  else slot[SLOT] = true;
}

/** Called by the provider script with its provider: installs it if the flag script asked already. */
export function offerWindowEthereum(target: object, provider: object): void {
  const slot = target as Slotted;
  const install = () => {
    // Another wallet's `window.ethereum` stays: replacing it would break the dApps that user set up.
    if (!('ethereum' in slot)) {
      Object.defineProperty(slot, 'ethereum', {
        value: provider,
        configurable: true,
        enumerable: true,
        writable: true,
      });
    }
  };
  if (slot[SLOT] === true) install();
  slot[SLOT] = install;
}
