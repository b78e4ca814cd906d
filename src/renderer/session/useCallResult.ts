import { useCallback, useEffect, useState } from 'react';
import type { Channel, RequestOf, ResponseOf } from '../../shared/api/contract';
import { errorMessage } from './errorMessage';
import { useWallet } from './WalletContext';

/** The calls that take no request, so a screen can simply ask for their answer. */
export type QueryChannel = { [C in Channel]: undefined extends RequestOf<C> ? C : never }[Channel];

export interface CallResult<T> {
  /** The latest answer; kept while asking again, so the screen does not blank out in between. */
  data: T | null;
  /** Why the latest attempt failed, in main's words. */
  error: string | null;
  loading: boolean;
  /** Asks main again, e.g. after the user unlocked the keychain. */
  reload(): void;
}

type Answer<T> = Omit<CallResult<T>, 'reload'>;

/** Asks main once when the screen opens, and again on `reload`. */
export function useCallResult<C extends QueryChannel>(channel: C): CallResult<ResponseOf<C>> {
  const { client } = useWallet();
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Answer<ResponseOf<C>>>({ data: null, error: null, loading: true });

  useEffect(() => {
    let current = true;
    // The contract's types cannot see that every QueryChannel takes no request, so the call is widened here.
    (client.call as (channel: C) => Promise<ResponseOf<C>>)(channel).then(
      (data) => {
        if (current) setAnswer({ data, error: null, loading: false });
      },
      (error: unknown) => {
        // A stale answer next to the error would claim more than is known now.
        if (current) setAnswer({ data: null, error: errorMessage(error), loading: false });
      },
    );
    return () => {
      current = false;
    };
  }, [client, channel, attempt]);

  const reload = useCallback(() => {
    setAnswer((previous) => ({ ...previous, loading: true }));
    setAttempt((n) => n + 1);
  }, []);

  return { ...answer, reload };
}
