import type { HistoryEntryView } from '../../shared/history';
import { Dialog } from '../controls/Dialog';
import { AssetList } from './AssetList';
import { BridgeLegs } from './BridgeLegs';
import { EntryFacts } from './EntryFacts';
import type { ChainDirectory } from './useChainNames';
import './EntryDrawer.css';

interface EntryDrawerProps {
  entry: HistoryEntryView;
  sentence: string;
  chains: ChainDirectory;
  accountName: string;
  /** The note was saved (or removed, with null); the drawer and the timeline show it at once. */
  onNoteSaved(note: string | null): void;
  onClose(): void;
}

/**
 * Everything known about one entry, in a modal sheet at the side: the shared Dialog gives it focus handling
 * and Escape; the wrapper only changes where it sits.
 */
export function EntryDrawer({
  entry,
  sentence,
  chains,
  accountName,
  onNoteSaved,
  onClose,
}: EntryDrawerProps) {
  // No initialFocus: the title takes focus, so the drawer opens at its top, not scrolled down to Close.
  return (
    <div className="entry-drawer">
      <Dialog
        title="Transaction details"
        description={sentence}
        onCancel={onClose}
        actions={
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        }
      >
        <EntryFacts entry={entry} chains={chains} accountName={accountName} onNoteSaved={onNoteSaved} />
        {entry.assets.length > 0 && <AssetList entry={entry} chains={chains} />}
        {entry.bridge && <BridgeLegs bridge={entry.bridge} chains={chains} />}
      </Dialog>
    </div>
  );
}
