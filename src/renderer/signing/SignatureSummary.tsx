import { CircleCheck, TriangleAlert } from 'lucide-react';
import type { SignatureResult } from '../../shared/devices';
import { Callout } from '../controls/Callout';
import { CopyButton } from '../controls/CopyButton';
import { signerName } from './signerName';

interface SignatureSummaryProps {
  result: SignatureResult;
  /** The account's address: the signature must recover to it, and the summary says whether it does. */
  expected: string;
}

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A finished signature: the value to copy, who it recovers to, and which device made it when. */
export function SignatureSummary({ result, expected }: SignatureSummaryProps) {
  const matches = result.address.toLowerCase() === expected.toLowerCase();
  return (
    <div className="signature-summary">
      <dl className="signature-summary__facts">
        <div>
          <dt>Signature</dt>
          <dd className="signature-summary__value">
            <code className="signature-summary__signature">{result.signature}</code>
            <CopyButton text={result.signature} label="signature" />
          </dd>
        </div>
        <div>
          <dt>Recovers to</dt>
          <dd className="signature-summary__value">
            {matches ? (
              <CircleCheck className="signature-summary__ok" size={14} aria-label="Matches this account" />
            ) : (
              <TriangleAlert className="signature-summary__bad" size={14} aria-label="Not this account" />
            )}
            <code>{result.address}</code>
          </dd>
        </div>
        <div>
          <dt>Signed by</dt>
          <dd>
            {signerName(result.signer)} ·{' '}
            <time dateTime={new Date(result.signedAt).toISOString()}>{TIME.format(result.signedAt)}</time>
          </dd>
        </div>
      </dl>
      {result.mode === 'hashed' && (
        <Callout tone="warning" title="Blind signature">
          The device showed only a hash of this message, not its text.
        </Callout>
      )}
    </div>
  );
}
