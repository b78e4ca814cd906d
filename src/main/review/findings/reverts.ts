import type { Finding } from '../../../shared/review';
import { finding } from './finding';
import type { ReviewFacts } from './reviewFacts';

/**
 * The user's own node ran it and it failed: on chain it would fail the same way and still cost the fee. It
 * blocks unless the user overrides it (state may change before it is mined, or a failure is the point).
 */
export function reverts(simulation: ReviewFacts['simulation']): Finding | null {
  if (!simulation.reverted) return null;
  const reason = simulation.revertReason?.trim();
  return finding(
    'reverts',
    'blocking',
    `This transaction fails when run on your network's node${reason ? `: ${reason}` : ', without giving a reason'}. ` +
      'Signing it would spend the fee and do nothing else.',
    { overridable: true, facts: reason ? [{ label: 'Reason', value: reason.slice(0, 200) }] : [] },
  );
}
