import type { Finding } from '../../../shared/review';
import { finding } from './finding';

/** A signature that names no chain is valid on every network where its contract lives, not only this one. */
export function missingChainId(chainId: number | null): Finding | null {
  if (chainId !== null) return null;
  return finding(
    'missing-chain-id',
    'warning',
    'This signature names no network, so it can be replayed on every chain where the contract exists, ' +
      'not only this one. Sign it only if you trust the site that asks.',
  );
}
