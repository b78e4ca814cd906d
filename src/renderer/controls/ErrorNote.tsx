import { Callout } from './Callout';
import { CopyButton } from './CopyButton';
import './ErrorNote.css';

interface ErrorNoteProps {
  id?: string;
  /** What did not happen, e.g. "Not saved"; main's sentence follows it and says why and what to do. */
  outcome: string;
  message: string;
  /** The raw text behind the sentence (a node's answer, a library's error): shown only when asked for. */
  detail?: string | null | undefined;
  onDismiss?: () => void;
}

/**
 * Why an action did not go through, in main's words, announced as soon as it appears. The raw detail sits in
 * a closed "Details" disclosure, to read or copy into a bug report, never in the sentence itself.
 */
export function ErrorNote({ id, outcome, message, detail, onDismiss }: ErrorNoteProps) {
  return (
    <Callout id={id} tone="danger" role="alert" onDismiss={onDismiss}>
      {outcome}: {message}
      {detail && (
        <details className="error-note__details">
          <summary>Details</summary>
          <div className="error-note__detail">
            <pre>{detail}</pre>
            <CopyButton text={detail} label="the error details" />
          </div>
        </details>
      )}
    </Callout>
  );
}
