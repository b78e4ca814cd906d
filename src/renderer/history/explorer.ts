import type { Chain } from '../../shared/chains/chain';

/**
 * The explorer page of a transaction or address. Opened with target=_blank: main hands https links to the
 * system browser (setWindowOpenHandler → shell.openExternal) and never opens a window of its own.
 */
export function explorerUrl(
  chain: Chain | undefined,
  path: `tx/${string}` | `address/${string}`,
): string | null {
  if (!chain?.explorer) return null;
  return `${chain.explorer.url.replace(/\/+$/, '')}/${path}`;
}
