import { useCallback, useRef, useState } from 'react';
import type { Settings } from '../../shared/settings';
import { errorMessage } from './errorMessage';
import { useWallet } from './WalletContext';

export interface SettingField<V> {
  /** The value being saved while a save is in flight, otherwise the stored one. */
  value: V;
  saving: boolean;
  /** Why the last change was not saved, in main's words; cleared by the next change. */
  error: string | null;
  change(value: V): void;
  dismissError(): void;
}

/**
 * One setting as a form control sees it. The control shows the new value at once, falls back to the stored
 * value if main refuses it, and keeps main's reason until the user tries again.
 */
export function useSettingField<K extends keyof Settings>(key: K): SettingField<Settings[K]> {
  const { settings, saveSettings } = useWallet();
  const [pending, setPending] = useState<{ value: Settings[K] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only the latest change may clear the pending value or report; an older reply arriving late must not.
  const latest = useRef(0);

  const change = useCallback(
    (value: Settings[K]) => {
      const ticket = ++latest.current;
      setPending({ value });
      setError(null);
      saveSettings({ [key]: value }).then(
        () => {
          if (ticket === latest.current) setPending(null);
        },
        (failure: unknown) => {
          if (ticket !== latest.current) return;
          setPending(null);
          setError(errorMessage(failure));
        },
      );
    },
    [key, saveSettings],
  );

  const dismissError = useCallback(() => setError(null), []);

  return {
    value: pending ? pending.value : settings[key],
    saving: pending !== null,
    error,
    change,
    dismissError,
  };
}
