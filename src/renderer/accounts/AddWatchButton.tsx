import { Eye } from 'lucide-react';
import { useState } from 'react';
import { AddWatchDialog } from './AddWatchDialog';

/** The "Add watch-only address" button with its dialog, for every place that offers it. */
export function AddWatchButton({ primary = false }: { primary?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={primary ? 'button button--primary' : 'button'}
        onClick={() => setOpen(true)}
      >
        <Eye size={14} aria-hidden="true" />
        Add watch-only address
      </button>
      {open && <AddWatchDialog onClose={() => setOpen(false)} />}
    </>
  );
}
