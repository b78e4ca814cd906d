import { useId, type Ref } from 'react';
import { NetworkSelect } from '../controls/NetworkSelect';
import { Select } from '../controls/Select';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  maxLength?: number;
  /** For an address or hash: monospaced, never autocorrected. */
  code?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** The id of the error that explains why main refused what was typed. */
  errorId?: string;
}

/** A labelled line of text in a Safe form. */
export function TextField({
  label,
  value,
  onChange,
  placeholder,
  maxLength,
  code,
  inputRef,
  errorId,
}: TextFieldProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="safe-form__label">
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        className={code ? 'text-input safe-address' : 'text-input'}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        autoComplete="off"
        autoCapitalize={code ? 'off' : undefined}
        spellCheck={false}
        aria-invalid={errorId !== undefined}
        aria-describedby={errorId}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}

/** The network a Safe lives on, from those the user enabled. */
export function NetworkField({ value, onChange }: { value: number; onChange(chainId: number): void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="safe-form__label">
        Network
      </label>
      <NetworkSelect id={id} value={value} onChange={onChange} />
    </>
  );
}

interface ThresholdFieldProps {
  value: number;
  /** The owners the Safe will have: no more signatures can be required. */
  owners: number;
  onChange(typed: number): void;
}

/** "Signatures required", typed as a number; the caller holds it within the owners (see boundedThreshold). */
export function ThresholdField({ value, owners, onChange }: ThresholdFieldProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="safe-form__label">
        Signatures required
      </label>
      <input
        id={id}
        className="text-input safe-form__number"
        type="number"
        min={1}
        max={Math.max(1, owners)}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      />
    </>
  );
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
}

/** A labelled choice among a few named options in a Safe form. */
export function SelectField({ label, value, options, onChange }: SelectFieldProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="safe-form__label">
        {label}
      </label>
      <Select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </>
  );
}
