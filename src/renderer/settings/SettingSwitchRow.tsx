import type { ReactNode } from 'react';
import type { Settings } from '../../shared/settings';
import { ErrorNote } from '../controls/ErrorNote';
import { Switch } from '../controls/Switch';
import { useSettingField } from '../session/useSettingField';
import { SettingRow } from './SettingRow';

type SwitchSetting = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];

interface SettingSwitchRowProps {
  setting: SwitchSetting;
  label: string;
  /** What turning it on gives away, said before the user does. */
  description: ReactNode;
}

/** An on/off setting saved through main as soon as it is switched, with main's refusal under it. */
export function SettingSwitchRow({ setting, label, description }: SettingSwitchRowProps) {
  const field = useSettingField(setting);
  return (
    <SettingRow
      label={label}
      description={description}
      note={field.error && <ErrorNote outcome="Not saved" message={field.error} />}
    >
      {({ labelId, descriptionId }) => (
        <Switch
          aria-labelledby={labelId}
          aria-describedby={descriptionId}
          aria-busy={field.saving}
          checked={field.value}
          onChange={(event) => field.change(event.target.checked)}
        />
      )}
    </SettingRow>
  );
}
