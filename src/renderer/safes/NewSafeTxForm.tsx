import { useState } from 'react';
import type { SafeAction, SafeView } from '../../shared/safes';
import { ErrorNote } from '../controls/ErrorNote';
import { useAction } from '../session/useAction';
import { useCallResult } from '../session/useCallResult';
import { useWallet } from '../session/WalletContext';
import { SafeTxReviewPanel } from './SafeTxReviewPanel';
import { SelectField, TextField, ThresholdField } from './SafeFormFields';
import { boundedThreshold, ownerName } from './safeWords';

type ActionKind = SafeAction['kind'];

const ACTIONS: readonly { value: ActionKind; label: string }[] = [
  { value: 'send', label: 'Send' },
  { value: 'add-owner', label: 'Add owner' },
  { value: 'remove-owner', label: 'Remove owner' },
  { value: 'change-threshold', label: 'Change threshold' },
  { value: 'revoke', label: 'Revoke allowance' },
];

/** What the user typed, for every action at once, so switching the action back loses nothing. */
interface Draft {
  kind: ActionKind;
  to: string;
  asset: string;
  amount: string;
  owner: string;
  threshold: number;
  token: string;
  spender: string;
}

/** The action main should build the Safe transaction from; null while a field it needs is empty. */
function actionOf(draft: Draft): SafeAction | null {
  const filled = (...values: string[]) => values.every((value) => value.trim() !== '');
  switch (draft.kind) {
    case 'send':
      return filled(draft.to, draft.amount)
        ? { kind: 'send', to: draft.to.trim(), asset: draft.asset, amount: draft.amount.trim() }
        : null;
    case 'add-owner':
    case 'remove-owner':
      return filled(draft.owner)
        ? { kind: draft.kind, owner: draft.owner.trim(), threshold: draft.threshold }
        : null;
    case 'change-threshold':
      return { kind: 'change-threshold', threshold: draft.threshold };
    case 'revoke':
      return filled(draft.token, draft.spender)
        ? { kind: 'revoke', token: draft.token.trim(), spender: draft.spender.trim() }
        : null;
  }
}

/**
 * What the Safe should do, reviewed by main (the SafeTx, its hash, a simulation, strong warnings) before it is
 * proposed. Proposing stores it unsigned; the owners sign it from the list below.
 */
export function NewSafeTxForm({ safe, onDone }: { safe: SafeView; onDone(): void }) {
  const { client, chains } = useWallet();
  const tokens = useCallResult('portfolio.get').data?.tokens ?? [];
  const [draft, setDraft] = useState<Draft>({
    kind: 'send',
    to: '',
    asset: 'native',
    amount: '',
    owner: '',
    threshold: safe.threshold,
    token: '',
    spender: '',
  });
  const review = useAction((chosen: SafeAction) =>
    client.call('safes.reviewTransaction', { safeId: safe.id, action: chosen }),
  );
  const propose = useAction((chosen: SafeAction) =>
    client.call('safes.propose', { safeId: safe.id, action: chosen }),
  );
  const reviewed = review.state.status === 'done' ? review.state.result : null;
  const native = chains.find((c) => c.id === safe.chainId)?.nativeCurrency.symbol ?? 'Native coin';
  const safeTokens = tokens.filter((t) => t.chainId === safe.chainId && t.source !== 'native' && !t.hidden);
  const ownersAfter =
    safe.owners.length + (draft.kind === 'add-owner' ? 1 : draft.kind === 'remove-owner' ? -1 : 0);
  // Held within the owners the Safe will have, so switching to "Remove owner" cannot leave an impossible ask.
  const threshold = boundedThreshold(draft.threshold, ownersAfter);
  const action = actionOf({ ...draft, threshold });

  /** A change voids the review, so Propose keeps only what the user has just read. */
  function change(patch: Partial<Draft>) {
    setDraft((previous) => ({ ...previous, ...patch }));
    review.clear();
    propose.clear();
  }

  async function proposeReviewed() {
    if (!action || propose.state.status === 'working') return;
    if (await propose.run(action)) onDone();
  }

  return (
    <div className="safe-new">
      <form
        className="safe-form safe-form--inline"
        aria-label="New Safe transaction"
        onSubmit={(event) => {
          event.preventDefault();
          if (action && review.state.status !== 'working') void review.run(action);
        }}
      >
        <SelectField
          label="Action"
          value={draft.kind}
          options={ACTIONS}
          onChange={(kind) => change({ kind: kind as ActionKind })}
        />
        {draft.kind === 'send' && (
          <>
            <TextField
              label="To"
              code
              value={draft.to}
              placeholder="0x… or a name"
              onChange={(to) => change({ to })}
            />
            <SelectField
              label="Asset"
              value={draft.asset}
              options={[
                { value: 'native', label: native },
                ...safeTokens.map((token) => ({ value: token.address, label: token.symbol })),
              ]}
              onChange={(asset) => change({ asset })}
            />
            <TextField
              label="Amount"
              value={draft.amount}
              placeholder="0.0"
              onChange={(amount) => change({ amount })}
            />
          </>
        )}
        {draft.kind === 'add-owner' && (
          <TextField
            label="New owner"
            code
            value={draft.owner}
            placeholder="0x…"
            onChange={(owner) => change({ owner })}
          />
        )}
        {draft.kind === 'remove-owner' && (
          <SelectField
            label="Owner"
            value={draft.owner}
            options={[
              { value: '', label: 'Choose an owner' },
              ...safe.owners.map((owner) => ({ value: owner.address, label: ownerName(owner) })),
            ]}
            onChange={(owner) => change({ owner })}
          />
        )}
        {draft.kind === 'revoke' && (
          <>
            <TextField
              label="Token"
              code
              value={draft.token}
              placeholder="0x…"
              onChange={(token) => change({ token })}
            />
            <TextField
              label="Spender"
              code
              value={draft.spender}
              placeholder="0x…"
              onChange={(spender) => change({ spender })}
            />
          </>
        )}
        {(draft.kind === 'add-owner' ||
          draft.kind === 'remove-owner' ||
          draft.kind === 'change-threshold') && (
          <>
            <ThresholdField
              value={threshold}
              owners={ownersAfter}
              onChange={(typed) => change({ threshold: boundedThreshold(typed, ownersAfter) })}
            />
          </>
        )}
        <div className="safe-form__actions">
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={action === null}
            aria-disabled={review.state.status === 'working'}
          >
            Review
          </button>
        </div>
      </form>
      {review.state.status === 'failed' && (
        <ErrorNote outcome="Could not review" message={review.state.message} detail={review.state.detail} />
      )}
      {reviewed && (
        <SafeTxReviewPanel
          review={reviewed}
          proposing={propose.state.status === 'working'}
          onPropose={() => void proposeReviewed()}
        />
      )}
      {propose.state.status === 'failed' && (
        <ErrorNote outcome="Not proposed" message={propose.state.message} detail={propose.state.detail} />
      )}
    </div>
  );
}
