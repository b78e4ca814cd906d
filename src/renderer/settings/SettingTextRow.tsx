import { type ReactNode, useId, useState } from 'react';
import type { z } from 'zod';
import type { Settings } from '../../shared/settings';
import { ErrorNote } from '../controls/ErrorNote';
import { useSettingField } from '../session/useSettingField';
import { SettingRow } from './SettingRow';
import './SettingTextRow.css';

type TextSetting = {
  [K in keyof Settings]: Settings[K] extends string | null ? (string extends Settings[K] ? K : never) : never;
}[keyof Settings];

interface SettingTextRowProps<K extends TextSetting> {
  setting: K;
  label: string;
  description: ReactNode;
  /** The setting's own schema, so the field refuses here, in its words, what main would refuse. */
  schema: z.ZodType<string>;
  /** What an empty field stores; without it, the field must hold a value. */
  empty?: Settings[K];
  placeholder?: string;
  /** A second way to set it, beside Save (e.g. back to the default). */
  reset?: { label: string; value: Settings[K] };
}

/**
 * A text setting: typed into a draft, checked against its schema as the user types, saved through main on
 * Save or Enter, with main's refusal under it.
 */
export function SettingTextRow<K extends TextSetting>({
  setting,
  label,
  description,
  schema,
  empty,
  placeholder,
  reset,
}: SettingTextRowProps<K>) {
  const field = useSettingField(setting);
  const stored = field.value ?? '';
  const [draft, setDraft] = useState(stored);
  const fieldId = useId();
  const problemId = useId();
  // A value saved elsewhere (another window, a reset) replaces the draft, during render, as React advises.
  const [shown, setShown] = useState(stored);
  if (shown !== stored) {
    setShown(stored);
    setDraft(stored);
  }

  const text = draft.trim();
  const problem =
    text === ''
      ? empty === undefined
        ? 'Enter a value.'
        : null
      : (schema.safeParse(text).error?.issues[0]?.message ?? null);
  const changed = text !== stored;
  const save = (value: Settings[K]) => {
    if (!field.saving) field.change(value);
  };

  return (
    <SettingRow
      label={label}
      description={description}
      note={
        <>
          {changed && problem && (
            <p id={problemId} className="setting-row__problem">
              {problem[0]?.toUpperCase()}
              {problem.slice(1)}
              {problem.endsWith('.') ? '' : '.'}
            </p>
          )}
          {field.error && <ErrorNote outcome="Not saved" message={field.error} />}
        </>
      }
    >
      {({ descriptionId }) => (
        <form
          className="setting-text"
          onSubmit={(event) => {
            event.preventDefault();
            if (changed && !problem) save((text === '' ? empty : text) as Settings[K]);
          }}
        >
          <label htmlFor={fieldId} className="visually-hidden">
            {label}
          </label>
          <input
            id={fieldId}
            className="text-input setting-text__field"
            value={draft}
            placeholder={placeholder}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={changed && problem !== null}
            aria-describedby={changed && problem ? `${problemId} ${descriptionId}` : descriptionId}
            onChange={(event) => {
              setDraft(event.target.value);
              field.dismissError();
            }}
          />
          <button
            type="submit"
            className="button"
            aria-busy={field.saving}
            aria-disabled={field.saving || !changed || problem !== null}
          >
            Save
          </button>
          {reset && field.value !== reset.value && (
            <button type="button" className="button" onClick={() => save(reset.value)}>
              {reset.label}
            </button>
          )}
        </form>
      )}
    </SettingRow>
  );
}
