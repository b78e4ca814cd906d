/**
 * Hands focus to the message of a failure the user just caused, so that an error below the fold scrolls into
 * view and is read out. useAction reports each failed run; the first ErrorNote to appear in the render that
 * shows it claims the report and takes focus. An error shown without a user action (a page that could not
 * load) finds nothing to claim and leaves focus where it is.
 *
 * One report at a time is enough: a render shows the outcome of one button press. A report nobody claims is
 * withdrawn by its reporter once that render is on screen, so it cannot pull focus to a later, unrelated error.
 */

let pending: symbol | null = null;

/** A run the user started has just failed; returns the ticket with which to withdraw the report. */
export function reportFailure(): symbol {
  pending = Symbol('failure');
  return pending;
}

/** True once per report: the caller is the message that shows it and should take focus. */
export function claimFailure(): boolean {
  if (pending === null) return false;
  pending = null;
  return true;
}

/** Withdraws the report if nobody claimed it (nor a later report replaced it). */
export function withdrawFailure(ticket: symbol): void {
  if (pending === ticket) pending = null;
}
