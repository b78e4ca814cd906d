import { useCallback, useEffect, useRef, useState } from 'react';
import { failureDetail } from '../api/client';
import { errorMessage } from './errorMessage';
import { reportFailure, withdrawFailure } from './failureFocus';

export type ActionState<T> =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'done'; result: T }
  /** `detail`: the raw text behind main's sentence, for a "Details" disclosure (see ErrorNote). */
  | { status: 'failed'; message: string; detail?: string };

export interface Action<A extends unknown[], T> {
  state: ActionState<T>;
  /** Resolves true when this run succeeded and no later run has started since; it never rejects. */
  run(...args: A): Promise<boolean>;
  /** Back to idle, forgetting the last outcome; a run still in flight will not report. */
  clear(): void;
}

/**
 * Something the user starts with a button (export, import, reset, copy), with the states a screen shows for
 * it: working, done with a result, or failed with a message a person can act on. A failure is reported to
 * failureFocus, so the ErrorNote that shows it takes focus (the user pressed the button and waits for news).
 */
export function useAction<A extends unknown[], T>(perform: (...args: A) => Promise<T>): Action<A, T> {
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  // Only the latest run may report; an earlier one finishing late must not overwrite what the user sees.
  const latest = useRef(0);
  // The failure report of the latest run, withdrawn once its render is committed (see failureFocus).
  const failure = useRef<symbol | null>(null);
  const mounted = useRef(false);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (failure.current === null) return;
    withdrawFailure(failure.current);
    failure.current = null;
  }, [state]);

  const run = async (...args: A): Promise<boolean> => {
    const ticket = ++latest.current;
    setState({ status: 'working' });
    try {
      const result = await perform(...args);
      if (ticket !== latest.current) return false;
      setState({ status: 'done', result });
      return true;
    } catch (error) {
      if (ticket !== latest.current) return false;
      const detail = failureDetail(error);
      // A screen the user has left shows no error, so it must not leave a report for the next one to claim.
      if (mounted.current) failure.current = reportFailure();
      setState({ status: 'failed', message: errorMessage(error), ...(detail ? { detail } : {}) });
      return false;
    }
  };

  const clear = useCallback(() => {
    latest.current++;
    setState({ status: 'idle' });
  }, []);

  return { state, run, clear };
}
