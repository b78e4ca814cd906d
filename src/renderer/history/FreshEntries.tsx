import { ArrowUp } from 'lucide-react';

/** New entries held back while the user reads further down; showing them goes back to the top. */
export function FreshEntries({ count, onShow }: { count: number; onShow(): void }) {
  return (
    <div className="fresh-entries" role="status">
      <span>{count >= 100 ? '100+ new' : `${count} new`}</span>
      <button type="button" className="button" onClick={onShow}>
        <ArrowUp size={14} aria-hidden="true" />
        Show
      </button>
    </div>
  );
}
