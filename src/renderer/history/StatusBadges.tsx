import type { HistoryEntryView } from '../../shared/history';

/** Failed and still-confirming entries say so; a settled success needs no badge. */
export function StatusBadges({ entry }: { entry: Pick<HistoryEntryView, 'status' | 'provisional'> }) {
  return (
    <>
      {entry.status === 'failed' && (
        <span className="badge" data-tone="danger">
          Failed
        </span>
      )}
      {entry.provisional && (
        <span
          className="badge"
          data-tone="warning"
          title="Too recent to be final: a reorganisation of the chain could still drop it."
        >
          Confirming
        </span>
      )}
    </>
  );
}
