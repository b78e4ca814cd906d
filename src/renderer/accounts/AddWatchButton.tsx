import { Eye } from 'lucide-react';
import { Suspense, useState } from 'react';
import { FailureBoundary } from '../routing/FailureBoundary';
import { lazyScreen } from '../routing/lazyScreen';
import { UnavailableDialog } from '../routing/UnavailableDialog';

// The dialog and the name rules it checks load on the first click: the button is on every screen's top bar.
const addWatchDialog = lazyScreen(() => import('./AddWatchDialog').then((m) => m.AddWatchDialog));

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
      {open && (
        <FailureBoundary
          name="The watch-only address dialog"
          retry={addWatchDialog.preload}
          fallback={(failure, reload) => (
            <UnavailableDialog
              title="Add watch-only address"
              failure={failure}
              onReload={reload}
              onClose={() => setOpen(false)}
            />
          )}
        >
          <Suspense>
            <addWatchDialog.Screen onClose={() => setOpen(false)} />
          </Suspense>
        </FailureBoundary>
      )}
    </>
  );
}
