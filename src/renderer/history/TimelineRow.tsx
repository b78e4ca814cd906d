import { StickyNote } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import type { HistoryEntryView } from '../../shared/history';
import { ChainBadge } from '../chains/ChainBadge';
import { KindIcon } from './KindIcon';
import { signedByText } from './signedBy';
import { StatusBadges } from './StatusBadges';
import { timeOfDay } from './timeFormat';

interface TimelineRowProps {
  entry: HistoryEntryView;
  index: number;
  sentence: string;
  chainName: string;
  accountName: string;
  /** The one row in the tab order (roving tabindex); arrow keys move it. */
  active: boolean;
  onOpen(entry: HistoryEntryView): void;
  onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number): void;
  onFocus(index: number): void;
}

/** One entry in plain words, with where, who and when beneath; pressing it opens the details. */
export function TimelineRow({
  entry,
  index,
  sentence,
  chainName,
  accountName,
  active,
  onOpen,
  onKeyDown,
  onFocus,
}: TimelineRowProps) {
  return (
    <button
      type="button"
      className="timeline-row"
      // The row opens the details drawer, where every address and digit is whole.
      aria-haspopup="dialog"
      data-status={entry.status}
      data-entry-index={index}
      tabIndex={active ? 0 : -1}
      onClick={() => onOpen(entry)}
      onKeyDown={(event) => onKeyDown(event, index)}
      onFocus={() => onFocus(index)}
    >
      <KindIcon kind={entry.kind} />
      <span className="timeline-row__body">
        <span className="timeline-row__headline">
          <span className="timeline-row__sentence">{sentence}</span>
          <StatusBadges entry={entry} />
        </span>
        <span className="timeline-row__meta">
          <ChainBadge chain={{ id: entry.chainId, name: chainName }} />
          <span aria-hidden="true">·</span>
          <span>{accountName}</span>
          <span aria-hidden="true">·</span>
          <time dateTime={new Date(entry.timestamp * 1000).toISOString()}>{timeOfDay(entry.timestamp)}</time>
          {entry.signedBy && (
            <>
              <span aria-hidden="true">·</span>
              <span className="timeline-row__signer">{signedByText(entry.signedBy)}</span>
            </>
          )}
        </span>
        {entry.note && (
          <span className="timeline-row__note" title={entry.note}>
            <StickyNote size={12} aria-hidden="true" />
            <span className="visually-hidden">Note: </span>
            <span className="timeline-row__note-text">{entry.note}</span>
          </span>
        )}
      </span>
    </button>
  );
}
