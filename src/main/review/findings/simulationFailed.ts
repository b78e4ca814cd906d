import type { Finding } from '../../../shared/review';
import { finding } from './finding';
import type { ReviewFacts } from './reviewFacts';

/** Neither eth_simulateV1 nor eth_call answered: nothing about the outcome is known before signing. */
export function simulationFailed(simulation: ReviewFacts['simulation']): Finding | null {
  if (simulation.status !== 'failed') return null;
  const note = simulation.note?.trim();
  return finding(
    'simulation-failed',
    'warning',
    `This transaction could not be tried on your network's node, so a failure would only show after signing.${note ? ` ${note}` : ''}`,
  );
}
