import { Copy } from 'lucide-react';
import type { DataLocation } from '../../shared/localData';
import { ActionStatus } from '../controls/ActionStatus';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction } from '../session/useAction';
import { useCallResult } from '../session/useCallResult';
import { SettingRow } from './SettingRow';
import './DataLocationRow.css';

interface PathEntry {
  key: keyof DataLocation;
  term: string;
  /** What the copy button copies, for its name and for the confirmation. */
  what: string;
  testId: string;
}

const PATHS: readonly PathEntry[] = [
  { key: 'dataDir', term: 'Folder', what: 'data folder path', testId: 'data-dir' },
  { key: 'databaseFile', term: 'Database', what: 'database file path', testId: 'database-file' },
];

async function copyToClipboard(entry: PathEntry, text: string): Promise<PathEntry> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // The browser's reason ("Write permission denied") does not help; what the user can do instead does.
    throw new Error('This window may not use the clipboard. Select the path and copy it yourself.');
  }
  return entry;
}

/** Where the wallet keeps its data on this computer, with each path selectable and copyable. */
export function DataLocationRow() {
  const location = useCallResult('data.location');
  const copy = useAction(copyToClipboard);
  const paths = location.data;

  return (
    <SettingRow
      label="Where your data lives"
      description="Everything the wallet keeps on this computer is in this folder, in one SQLite database. Secrets in it are encrypted."
      status={
        <ActionStatus state={copy.state} working="Copying…" done={(entry) => `Copied the ${entry.what}.`} />
      }
      note={
        <>
          {location.error && <ErrorNote outcome="Could not find the data folder" message={location.error} />}
          {paths && (
            <dl className="data-paths">
              {PATHS.map((entry) => (
                <div key={entry.key} className="data-paths__entry">
                  <dt className="data-paths__term">{entry.term}</dt>
                  <dd className="selectable-value">
                    <code data-testid={entry.testId}>{paths[entry.key]}</code>
                  </dd>
                  <dd>
                    <button
                      type="button"
                      className="button button--icon"
                      aria-label={`Copy ${entry.what}`}
                      title={`Copy ${entry.what}`}
                      onClick={() => void copy.run(entry, paths[entry.key])}
                    >
                      <Copy size={14} aria-hidden="true" />
                    </button>
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {copy.state.status === 'failed' && <ErrorNote outcome="Not copied" message={copy.state.message} />}
        </>
      }
    />
  );
}
