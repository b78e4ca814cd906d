import type { EventHub } from '../api/events';
import type { TxNoteInput, TxNotesRepository } from '../store/txNotesRepository';

export interface TxNotesServiceOptions {
  notes: Pick<TxNotesRepository, 'set'>;
  events: EventHub;
  /** A note the user wrote here: the sync group should hear of it now rather than at the next interval. */
  onEdited: () => void;
}

/** The user's notes on transactions, which the timeline shows beside each entry. */
export class TxNotesService {
  constructor(private readonly options: TxNotesServiceOptions) {}

  /** An empty or blank note removes it. */
  set(input: TxNoteInput): void {
    this.options.notes.set(input);
    // Every open timeline showing this chain refetches, and so shows the note.
    this.options.events.emit('history.changed', { chainIds: [input.chainId] });
    this.options.onEdited();
  }
}
