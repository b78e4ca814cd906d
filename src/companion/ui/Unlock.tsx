import { useId, useState, type FormEvent } from 'react';
import { PhoneVault, type PhoneVaultOptions } from '../core/phoneVault';
import { errorMessage } from './format';
import { Alert, Screen } from './Screen';

export interface UnlockProps {
  vaultOptions?: PhoneVaultOptions;
  onUnlocked(vault: PhoneVault): void;
}

export function Unlock({ vaultOptions, onUnlocked }: UnlockProps) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onUnlocked(await PhoneVault.unlock(pin, vaultOptions));
    } catch (failure) {
      // The vault's messages already say what happened and, after many wrong PINs, how long to wait.
      setError(errorMessage(failure));
      setPin('');
      setBusy(false);
    }
  };
  return (
    <Screen title="Unlock">
      <p className="lead">Enter this phone's PIN to use its key.</p>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={pinId}>PIN</label>
          <input
            id={pinId}
            className="input pin"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            value={pin}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setPin(event.target.value)}
          />
        </div>
        {error ? <Alert>{error}</Alert> : null}
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy || pin.length === 0}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </form>
    </Screen>
  );
}
