/** EIP-6963: how a page finds the wallets in the browser without racing for `window.ethereum`. */
export interface ProviderInfo {
  /** New on every page load (a v4 UUID), so a page cannot follow the user across sites with it. */
  uuid: string;
  name: string;
  /** A data URI of a square image, at least 96×96. */
  icon: string;
  /** Reverse DNS of a domain the wallet controls, so pages can recognise it. */
  rdns: string;
}

/** The app mark (resources/icon.svg) at announce size. */
const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 512 512">' +
  '<rect x="40" y="40" width="432" height="432" rx="96" fill="#3451c9"/>' +
  '<path d="M166 184h180M166 256h180M166 328h90" fill="none" stroke="#fff" stroke-width="31.5" stroke-linecap="round"/>' +
  '<circle cx="328" cy="328" r="31.5" fill="#fff"/></svg>';

export function ledgerlineInfo(): ProviderInfo {
  return {
    uuid: crypto.randomUUID(),
    name: 'Ledgerline',
    icon: `data:image/svg+xml;base64,${btoa(ICON_SVG)}`,
    rdns: 'app.ledgerline',
  };
}

/**
 * Announces the provider now and again on every `eip6963:requestProvider`, with a frozen detail so one
 * listener on the page cannot change what the next one receives.
 */
export function announceProvider(target: EventTarget, info: ProviderInfo, provider: object): void {
  const detail = Object.freeze({ info: Object.freeze({ ...info }), provider });
  const announce = () => target.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
  target.addEventListener('eip6963:requestProvider', announce);
  announce();
}
