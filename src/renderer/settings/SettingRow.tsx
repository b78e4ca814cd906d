import { useId, type ReactNode } from 'react';
import { SaveError } from '../controls/SaveError';
import './SettingsSection.css';

export interface SettingRowIds {
  labelId: string;
  descriptionId: string;
}

interface SettingRowProps {
  label: string;
  description: ReactNode;
  error?: string | null;
  /**
   * Receives the ids a control names itself and describes itself with (aria-labelledby works the same for a
   * select and a radiogroup, which a <label for> does not).
   */
  children: (ids: SettingRowIds) => ReactNode;
}

/** One setting: its name and what it does on the left, the control on the right, main's refusal below. */
export function SettingRow({ label, description, error, children }: SettingRowProps) {
  const base = useId();
  const ids = { labelId: `${base}-label`, descriptionId: `${base}-description` };
  return (
    <div className="setting-row">
      <div className="setting-row__text">
        <span id={ids.labelId} className="setting-row__label">
          {label}
        </span>
        <p id={ids.descriptionId} className="setting-row__description">
          {description}
        </p>
      </div>
      <div className="setting-row__control">{children(ids)}</div>
      {error && (
        <div className="setting-row__error">
          <SaveError message={error} />
        </div>
      )}
    </div>
  );
}
