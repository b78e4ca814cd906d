import { BackupRow } from './BackupRow';
import { DataLocationRow } from './DataLocationRow';
import { ResetLocalDataRow } from './ResetLocalDataRow';
import { SettingsSection } from './SettingsSection';

export function LocalDataSection() {
  return (
    <SettingsSection title="Local data">
      <DataLocationRow />
      <BackupRow />
      <ResetLocalDataRow />
    </SettingsSection>
  );
}
