import { LoaderCircle } from 'lucide-react';
import { useId, useState } from 'react';
import type { AccountView } from '../../shared/accounts';
import type { SafeTxView } from '../../shared/safes';
import { AccountSelect } from '../accounts/AccountSelect';
import { ErrorNote } from '../controls/ErrorNote';
import { canSign } from '../review/findingOrder';
import { TxReviewView } from '../review/TxReviewView';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';

interface ExecutePanelProps {
  tx: SafeTxView;
  /** The accounts that can send execTransaction and pay its gas: any of the wallet's signers, owner or not. */
  signers: readonly AccountView[];
}

/**
 * Once enough owners signed, one account sends execTransaction. Its review is the usual transaction review,
 * and Execute waits until it is read and nothing blocks; main checks every signature again before sending.
 */
export function ExecutePanel({ tx, signers }: ExecutePanelProps) {
  const { client } = useWallet();
  const executorId = useId();
  const [executor, setExecutor] = useState<number | null>(signers[0]?.id ?? null);
  const review = useAction((id: number) =>
    client.call('safes.reviewExecute', { id: tx.id, executorAccountId: id }),
  );
  const execute = useAction((id: number) =>
    client.call('safes.execute', { id: tx.id, executorAccountId: id }),
  );
  const reviewed = review.state.status === 'done' ? review.state.result : null;
  const executing = execute.state.status === 'working';
  const executable = reviewed !== null && reviewed.cannotSign === null && canSign(reviewed, false);

  return (
    <div className="safe-execute">
      <div className="safe-execute__choice">
        <label htmlFor={executorId} className="safe-form__label">
          Executor
        </label>
        <AccountSelect
          id={executorId}
          accounts={signers}
          value={executor}
          onChange={(id) => {
            setExecutor(id);
            review.clear();
            execute.clear();
          }}
        />
        <button
          type="button"
          className="button"
          disabled={executor === null}
          aria-disabled={review.state.status === 'working'}
          onClick={() => executor !== null && review.state.status !== 'working' && void review.run(executor)}
        >
          {review.state.status === 'working' && (
            <LoaderCircle className="spinner" size={14} aria-hidden="true" />
          )}
          Review execution
        </button>
      </div>
      {review.state.status === 'failed' && (
        <ErrorNote outcome="Could not review" message={review.state.message} detail={review.state.detail} />
      )}
      {reviewed && (
        <>
          <TxReviewView review={reviewed} />
          {reviewed.cannotSign && <p className="review-aside">{reviewed.cannotSign}</p>}
          <div className="safe-form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={!executable}
              aria-disabled={executing}
              onClick={() => executable && !executing && void execute.run(reviewed.from.accountId)}
            >
              {executing && <LoaderCircle className="spinner" size={14} aria-hidden="true" />}
              Execute
            </button>
          </div>
        </>
      )}
      {execute.state.status === 'failed' && (
        <ErrorNote outcome="Not executed" message={execute.state.message} detail={execute.state.detail} />
      )}
    </div>
  );
}
