import { PERMIT2_ADDRESS } from '../parties';
import type { TypedDataDomain } from './typedDataDomain';

export { PERMIT2_ADDRESS };

/**
 * Permit2 signs with domain name "Permit2" and its own address. A look-alike contract elsewhere would only
 * honour signatures for itself, so its requests are reviewed as unknown types (their tree shown in full).
 */
export function isPermit2Domain(domain: TypedDataDomain): boolean {
  return domain.name === 'Permit2' && domain.verifyingContract === PERMIT2_ADDRESS;
}
