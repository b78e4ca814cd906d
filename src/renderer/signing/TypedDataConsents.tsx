import { useId } from 'react';
import type { TypedDataReview } from '../../shared/review';

/** The user's per-request yes to what main otherwise refuses: typed data valid on every chain, or blind signing. */
export interface Consents {
  allowMissingChainId: boolean;
  allowBlindSigning: boolean;
}

export const NO_CONSENT: Consents = { allowMissingChainId: false, allowBlindSigning: false };

/** Which consents this review needs before it can be signed: none for most typed data. */
function consentsNeeded(review: TypedDataReview): Consents {
  return { allowMissingChainId: review.chainId === null, allowBlindSigning: review.device?.mode === 'blind' };
}

/** Whether every consent the review needs was given. */
export function consented(review: TypedDataReview, given: Consents): boolean {
  const needed = consentsNeeded(review);
  return (
    (!needed.allowMissingChainId || given.allowMissingChainId) &&
    (!needed.allowBlindSigning || given.allowBlindSigning)
  );
}

function Consent({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  const id = useId();
  return (
    <label className="typed-data-consent__choice" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}

/**
 * A checkbox for each consent this review needs, nothing when it needs none. The reasons are above them
 * already: the missing-chain-id finding and the device's blind-signing warning.
 */
export function TypedDataConsents({
  review,
  given,
  onChange,
}: {
  review: TypedDataReview;
  given: Consents;
  onChange(given: Consents): void;
}) {
  const needed = consentsNeeded(review);
  if (!needed.allowMissingChainId && !needed.allowBlindSigning) return null;
  return (
    <fieldset className="typed-data-consent">
      <legend>Before you sign</legend>
      {needed.allowMissingChainId && (
        <Consent
          label="Sign it although it is valid on every network"
          checked={given.allowMissingChainId}
          onChange={(allow) => onChange({ ...given, allowMissingChainId: allow })}
        />
      )}
      {needed.allowBlindSigning && (
        <Consent
          label="Sign it blind: my device will show only hashes"
          checked={given.allowBlindSigning}
          onChange={(allow) => onChange({ ...given, allowBlindSigning: allow })}
        />
      )}
    </fieldset>
  );
}
