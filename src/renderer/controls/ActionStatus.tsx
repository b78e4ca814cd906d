import { CircleCheck, LoaderCircle } from 'lucide-react';
import type { ActionState } from '../session/useAction';
import './ActionStatus.css';

interface ActionStatusProps<T> {
  state: ActionState<T>;
  /** Said while main works, e.g. "Exporting…". */
  working: string;
  /** Said once it is done, from what main answered. */
  done(result: T): string;
}

/**
 * The in-flight and finished states of an action, for a live region such as SettingRow's status; a failure
 * is not shown here but as an ErrorNote, which is announced as an alert.
 */
export function ActionStatus<T>({ state, working, done }: ActionStatusProps<T>) {
  if (state.status === 'working') {
    return (
      <>
        <LoaderCircle className="spinner" size={14} aria-hidden="true" />
        {working}
      </>
    );
  }
  if (state.status === 'done') {
    return (
      <>
        <CircleCheck className="action-status__done" size={14} aria-hidden="true" />
        {done(state.result)}
      </>
    );
  }
  return null;
}
