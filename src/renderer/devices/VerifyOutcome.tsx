import { CircleCheck, CircleX, LoaderCircle } from 'lucide-react';
import type { ResponseOf } from '../../shared/api/contract';
import type { ActionState } from '../session/useAction';
import { ErrorNote } from '../controls/ErrorNote';

interface VerifyOutcomeProps {
  state: ActionState<ResponseOf<'devices.verifyAddress'>>;
  expected: string;
}

/** What came of showing the address on the device, in a live region so it is heard as well as seen. */
export function VerifyOutcome({ state, expected }: VerifyOutcomeProps) {
  if (state.status === 'failed') return <ErrorNote outcome="Not verified" message={state.message} />;
  let content = null;
  if (state.status === 'working') {
    content = (
      <>
        <LoaderCircle className="spinner" size={14} aria-hidden="true" />
        Compare the address on your device with this one…
      </>
    );
  } else if (state.status === 'done') {
    // A device that shows another address means the wallet derived the wrong key: say it, never hide it.
    const matches = state.result.address.toLowerCase() === expected.toLowerCase();
    content =
      state.result.confirmed && matches ? (
        <>
          <CircleCheck className="verify-outcome__ok" size={14} aria-hidden="true" />
          Confirmed on device
        </>
      ) : (
        <>
          <CircleX className="verify-outcome__bad" size={14} aria-hidden="true" />
          {matches ? 'Rejected on device' : `The device showed a different address: ${state.result.address}`}
        </>
      );
  }
  return (
    <p className="verify-outcome" role="status">
      {content}
    </p>
  );
}
