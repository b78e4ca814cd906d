import { Download, Upload } from 'lucide-react';
import { useRef, type ChangeEvent } from 'react';
import { BACKUP_MAX_BYTES } from '../../shared/localData';
import { ActionStatus } from '../controls/ActionStatus';
import { ErrorNote } from '../controls/ErrorNote';
import { downloadFile } from '../files/downloadFile';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { describeImport } from './describeImport';
import { SettingRow } from './SettingRow';

const megabytes = new Intl.NumberFormat('en', { style: 'unit', unit: 'megabyte' });
const MAX_SIZE = megabytes.format(BACKUP_MAX_BYTES / 1024 / 1024);

/** Refuses, before anything is sent to main, a file that cannot be a backup this wallet wrote. */
async function readBackup(file: File): Promise<string> {
  const choose = 'Choose a file saved with Export backup.';
  if (file.size > BACKUP_MAX_BYTES) {
    throw new Error(
      `${file.name} is larger than ${MAX_SIZE}, so it is not a backup this wallet wrote. ${choose}`,
    );
  }
  if (file.size === 0) throw new Error(`${file.name} is empty. ${choose}`);
  return file.text();
}

/** Export of the non-secret state to a file, and import of such a file, merged with what is here. */
export function BackupRow() {
  const { client } = useWallet();
  const fileInput = useRef<HTMLInputElement>(null);
  const exporting = useAction(async () => {
    const { fileName, contents } = await client.call('backup.export');
    downloadFile(fileName, contents, 'application/json');
    return fileName;
  });
  const importing = useAction(async (file: File) =>
    client.call('backup.import', { contents: await readBackup(file) }),
  );
  const busy = exporting.state.status === 'working' || importing.state.status === 'working';
  const failure =
    exporting.state.status === 'failed'
      ? { outcome: 'Not exported', message: exporting.state.message }
      : importing.state.status === 'failed'
        ? { outcome: 'Not imported', message: importing.state.message }
        : null;

  // Starting one clears the other's outcome, so the row only ever speaks of the last thing the user did.
  function startExport() {
    if (busy) return;
    importing.clear();
    void exporting.run();
  }

  function startImport(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    // Emptied so that choosing the same file again, say after fixing it, is a change too.
    event.currentTarget.value = '';
    if (!file) return;
    exporting.clear();
    void importing.run(file);
  }

  return (
    <SettingRow
      label="Backup"
      description="A file with your accounts (addresses and paths only), labels, address book, devices and settings. It never contains keys or secrets. Importing one merges it with what is here."
      status={
        <>
          <ActionStatus
            state={exporting.state}
            working="Exporting…"
            done={(fileName) => `Exported ${fileName}.`}
          />
          <ActionStatus state={importing.state} working="Importing…" done={describeImport} />
        </>
      }
      note={failure && <ErrorNote outcome={failure.outcome} message={failure.message} />}
    >
      {() => (
        <>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="backup-file"
            onChange={startImport}
          />
          <button
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() => {
              if (!busy) fileInput.current?.click();
            }}
          >
            <Upload size={14} aria-hidden="true" />
            {/* The ellipsis says a file chooser comes next; the button's name stays "Import backup". */}
            <span>
              Import backup<span aria-hidden="true">…</span>
            </span>
          </button>
          <button type="button" className="button" aria-disabled={busy} onClick={startExport}>
            <Download size={14} aria-hidden="true" />
            Export backup
          </button>
        </>
      )}
    </SettingRow>
  );
}
