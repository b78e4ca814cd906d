import { useId, type ReactNode } from 'react';
import './SettingsSection.css';

export interface SettingRowIds {
  labelId: string;
  descriptionId: string;
}

interface SettingRowProps {
  label: string;
  description: ReactNode;
  /**
   * How the row's action is going, in a live region that is always there (so a screen reader hears each
   * change), under the description.
   */
  status?: ReactNode;
  /** Full width below the row: main's refusal, a warning, or content too wide for the control column. */
  note?: ReactNode;
  /**
   * Receives the ids a control names itself and describes itself with (aria-labelledby works the same for a
   * select and a radiogroup, which a <label for> does not).
   */
  children?: (ids: SettingRowIds) => ReactNode;
}

/** One setting: its name and what it does on the left, the control on the right, anything more below. */
export function SettingRow({ label, description, status, note, children }: SettingRowProps) {
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
        {status !== undefined && (
          <p className="setting-row__status" role="status">
            {status}
          </p>
        )}
      </div>
      {children && <div className="setting-row__control">{children(ids)}</div>}
      {note && <div className="setting-row__note">{note}</div>}
    </div>
  );
}
