import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import type { AccountView } from '../../shared/accounts';
import { AccountName, MAX_ACCOUNT_NAME } from '../../shared/accountNames';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';

interface AccountRenameFormProps {
  account: Pick<AccountView, 'id' | 'label'>;
  /** After a save or a cancel; the row puts focus back on its Rename button. */
  onDone(): void;
}

/**
 * Renames an account in place, under its row. The bounds are checked here too, so a slip reads at once; a
 * name another account has is refused by main, which knows every account.
 */
export function AccountRenameForm({ account, onDone }: AccountRenameFormProps) {
  const { client } = useWallet();
  const [draft, setDraft] = useState(account.label);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { field: useId(), error: useId() };
  const rename = useAction((label: string) =>
    client.call('accounts.rename', { accountId: account.id, label }),
  );
  const working = rename.state.status === 'working';
  const failed = problem ?? (rename.state.status === 'failed' ? rename.state.message : null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (working) return;
    const parsed = AccountName.safeParse(draft);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'That name cannot be used.');
      return;
    }
    setProblem(null);
    if (await rename.run(parsed.data)) onDone();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onDone();
    }
  }

  return (
    <form className="account-rename" onSubmit={(event) => void save(event)}>
      <label htmlFor={ids.field} className="account-rename__label">
        Account name
      </label>
      <input
        id={ids.field}
        className="text-input account-rename__field"
        value={draft}
        // Room for stray spaces, which are trimmed; the bound itself is the schema's.
        maxLength={MAX_ACCOUNT_NAME + 10}
        // Opened by the user's own click, so focus moves to what they asked for.
        autoFocus
        aria-invalid={failed !== null}
        aria-describedby={failed ? ids.error : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
      />
      <button type="button" className="button account-list__action" onClick={onDone}>
        Cancel
      </button>
      <button type="submit" className="button button--primary account-list__action" aria-disabled={working}>
        {working ? 'Saving…' : 'Save'}
      </button>
      {failed !== null && (
        <div className="account-rename__error">
          <ErrorNote
            id={ids.error}
            outcome="Not renamed"
            message={failed}
            onDismiss={() => {
              setProblem(null);
              rename.clear();
            }}
          />
        </div>
      )}
    </form>
  );
}
