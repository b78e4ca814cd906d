import { Callout } from './Callout';

interface ErrorNoteProps {
  id?: string;
  /** What did not happen, e.g. "Not saved"; main's message follows it and says why. */
  outcome: string;
  message: string;
  onDismiss?: () => void;
}

/** Why an action did not go through, in main's words, announced as soon as it appears. */
export function ErrorNote({ id, outcome, message, onDismiss }: ErrorNoteProps) {
  return (
    <Callout id={id} tone="danger" role="alert" onDismiss={onDismiss}>
      {outcome}: {message}
    </Callout>
  );
}
