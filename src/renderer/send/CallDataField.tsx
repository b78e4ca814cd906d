import { useId } from 'react';

interface CallDataFieldProps {
  value: string;
  /** False while the text is not whole bytes of hex, or the asset is a token. */
  valid: boolean;
  assetIsNative: boolean;
  nativeSymbol: string;
  onChange(value: string): void;
}

/**
 * The Send form's advanced part: call data for a contract call, with the chain's coin as its value. It is
 * how a call is reviewed and signed until dApps connect, so it is labelled plainly and closed by default.
 */
export function CallDataField({ value, valid, assetIsNative, nativeSymbol, onChange }: CallDataFieldProps) {
  const id = useId();
  const filled = value.trim() !== '';
  return (
    <details className="send-call" open={filled || undefined}>
      <summary>Contract call (advanced)</summary>
      <div className="send-form__field">
        <label className="send-form__label" htmlFor={id}>
          Call data (hex)
        </label>
        <textarea
          id={id}
          className="text-input send-call__data"
          value={value}
          placeholder="0x…"
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          aria-invalid={!valid}
          onChange={(event) => onChange(event.target.value)}
        />
        <p id={`${id}-hint`} className="send-form__hint">
          {filled && !assetIsNative
            ? `Call data goes with ${nativeSymbol} only: choose it as the asset, and the amount becomes the value sent with the call.`
            : `Calls the contract in To with this data; the amount is the ${nativeSymbol} sent with it. The review decodes and simulates it first.`}
        </p>
      </div>
    </details>
  );
}
