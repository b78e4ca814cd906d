import { useLayoutEffect, useRef } from 'react';
import { claimFailure } from '../session/failureFocus';
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
 *
 * When it shows the failure of something the user just did (see failureFocus), it scrolls into view and takes
 * focus, since it may appear below the fold, far from the button pressed. A field that names it in
 * aria-describedby keeps focus, so the user can correct it at once; the note only scrolls into view.
 */
export function ErrorNote({ id, outcome, message, detail, onDismiss }: ErrorNoteProps) {
  const note = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const element = note.current;
    if (!element || !claimFailure()) return;
    // Scrolled first, apart from focus: under an open modal (a device's signing sheet) focus cannot move here,
    // but the note is then in view behind the sheet when it closes. Centred rather than at the edge, so that
    // rows updating above it (confirmations counting up) cannot push it back out of view.
    element.scrollIntoView({ block: 'center' });
    if (!describesFocus(element)) element.focus({ preventScroll: true });
  }, []);

  return (
    <Callout ref={note} id={id} tone="danger" role="alert" tabIndex={-1} onDismiss={onDismiss}>
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

/** Whether the focused element already names the note as its description (a form field and its error). */
function describesFocus(note: HTMLElement): boolean {
  const focused = document.activeElement;
  if (!note.id || !focused) return false;
  return (focused.getAttribute('aria-describedby') ?? '').split(/\s+/).includes(note.id);
}
