import { Pencil, Plus } from 'lucide-react';
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { TX_NOTE_MAX_LENGTH, type HistoryEntryView } from '../../shared/history';
import { ErrorNote } from '../controls/ErrorNote';
import { formatCount } from '../../shared/format/amount';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { Fact } from './Fact';

/** The counter shows once this close to the limit, where it starts to matter. */
const COUNTER_FROM = TX_NOTE_MAX_LENGTH - 100;

interface NoteFactProps {
  entry: Pick<HistoryEntryView, 'chainId' | 'hash' | 'note'>;
  /** The note as main now stores it (trimmed), or null once it is removed. */
  onSaved(note: string | null): void;
}

/**
 * The user's private note on the transaction, with an inline editor: saving an empty note removes it. The note
 * belongs to the transaction, so every account's entry of it shows the same one.
 */
export function NoteFact({ entry, onSaved }: NoteFactProps) {
  const { client } = useWallet();
  const [draft, setDraft] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const ids = { field: useId(), counter: useId(), error: useId() };
  const saving = useAction(async (text: string) => {
    await client.call('history.setNote', { chainId: entry.chainId, hash: entry.hash, note: text });
    return text.trim() || null;
  });
  const editing = draft !== null;
  const working = saving.state.status === 'working';
  const failed = saving.state.status === 'failed' ? saving.state.message : null;

  function stopEditing() {
    saving.clear();
    setDraft(null);
    // Back to the button that opened the editor, so keyboard users do not lose their place.
    requestAnimationFrame(() => editButton.current?.focus());
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (draft === null || working) return;
    if (await saving.run(draft)) {
      onSaved(draft.trim() || null);
      stopEditing();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Escape leaves the editor, not the whole drawer.
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      stopEditing();
    }
  }

  if (!editing) {
    return (
      <Fact term="Note">
        {entry.note ? (
          <span className="fact__note">{entry.note}</span>
        ) : (
          <span className="fact__empty">No note</span>
        )}
        <button
          ref={editButton}
          type="button"
          className="button note-fact__edit"
          onClick={() => setDraft(entry.note ?? '')}
        >
          {entry.note ? <Pencil size={12} aria-hidden="true" /> : <Plus size={12} aria-hidden="true" />}
          {entry.note ? 'Edit note' : 'Add note'}
        </button>
      </Fact>
    );
  }

  const nearLimit = draft.length >= COUNTER_FROM;
  const describedBy = [nearLimit ? ids.counter : null, failed ? ids.error : null].filter(Boolean).join(' ');
  return (
    <Fact term="Note">
      <form className="note-fact__form" onSubmit={(event) => void save(event)}>
        <label htmlFor={ids.field} className="visually-hidden">
          Note on this transaction
        </label>
        <textarea
          id={ids.field}
          className="text-input note-fact__field"
          value={draft}
          maxLength={TX_NOTE_MAX_LENGTH}
          rows={3}
          placeholder="Only you see this note, e.g. “Rent for March”."
          // Opened by the user's own click, so focus moves to what they asked for.
          autoFocus
          aria-invalid={failed !== null}
          aria-describedby={describedBy || undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <div className="note-fact__actions">
          {nearLimit && (
            <span id={ids.counter} className="note-fact__counter" aria-live="polite">
              {formatCount(draft.length)} / {formatCount(TX_NOTE_MAX_LENGTH)}
            </span>
          )}
          <button type="button" className="button" onClick={stopEditing}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={working}>
            {working ? 'Saving…' : 'Save'}
          </button>
        </div>
        {failed !== null && (
          <ErrorNote id={ids.error} outcome="Note not saved" message={failed} onDismiss={saving.clear} />
        )}
      </form>
    </Fact>
  );
}
