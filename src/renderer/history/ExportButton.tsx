import { Download, LoaderCircle } from 'lucide-react';
import type { HistoryQuery } from '../../shared/history';
import { ErrorNote } from '../controls/ErrorNote';
import { downloadFile } from '../files/downloadFile';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';

/** The timeline under the current filters as a CSV file, written by main and saved like the backup. */
export function ExportButton({ filters }: { filters: Omit<HistoryQuery, 'limit' | 'after'> }) {
  const { client } = useWallet();
  const exporting = useAction(async () => {
    const { fileName, contents } = await client.call('history.exportCsv', filters);
    downloadFile(fileName, contents, 'text/csv');
    return fileName;
  });
  const working = exporting.state.status === 'working';
  return (
    <>
      <button
        type="button"
        className="button"
        aria-disabled={working}
        onClick={() => {
          if (!working) void exporting.run();
        }}
      >
        {working ? (
          <LoaderCircle className="spinner" size={14} aria-hidden="true" />
        ) : (
          <Download size={14} aria-hidden="true" />
        )}
        Export CSV
      </button>
      <span className="visually-hidden" role="status">
        {exporting.state.status === 'done' && `Exported ${exporting.state.result}.`}
      </span>
      {exporting.state.status === 'failed' && (
        <ErrorNote outcome="Not exported" message={exporting.state.message} onDismiss={exporting.clear} />
      )}
    </>
  );
}
