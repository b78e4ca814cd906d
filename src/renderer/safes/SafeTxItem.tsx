import { LoaderCircle } from 'lucide-react';
import { useId, useState } from 'react';
import type { AccountView } from '../../shared/accounts';
import type { SafeTxView, SafeView } from '../../shared/safes';
import { accountName } from '../accounts/useAccounts';
import { ConfirmDialog } from '../controls/ConfirmDialog';
import { ErrorNote } from '../controls/ErrorNote';
import { explorerUrl } from '../history/explorer';
import { routeHref } from '../routing/routes';
import { shortAddress } from '../../shared/format/shortAddress';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { ExecutePanel } from './ExecutePanel';
import { SafeTxFacts } from './SafeTxFacts';
import { confirmationWords, isOpen, progressWords, unsignedOwnerAccounts } from './safeWords';

interface SafeTxItemProps {
  tx: SafeTxView;
  safe: SafeView;
  accounts: readonly AccountView[];
  deviceOf(fingerprint: string | null): string | null;
}

const STATUS_WORDS: Record<SafeTxView['status'], string> = {
  collecting: 'Collecting signatures',
  ready: 'Ready to execute',
  executing: 'Executing',
  executed: 'Executed',
  failed: 'Failed on chain',
  replaced: 'Replaced by another transaction with its nonce',
};

/** How the sent execTransaction is linked: to the explorer where the chain has one, else to History. */
function ExecutionLink({ tx }: { tx: SafeTxView }) {
  const { chains } = useWallet();
  if (!tx.execution) return null;
  const chain = chains.find((c) => c.id === tx.chainId);
  const explorer = explorerUrl(chain, `tx/${tx.execution.hash}`);
  return (
    <a
      className="safe-tx__execution"
      href={explorer ?? routeHref('history')}
      target={explorer ? '_blank' : undefined}
      rel={explorer ? 'noreferrer' : undefined}
      title={tx.execution.hash}
    >
      {shortAddress(tx.execution.hash)}
    </a>
  );
}

/**
 * One Safe transaction: what it does, who has signed and on which device, a Sign button for each of the
 * user's owners still to sign (a phone's is sent to the phone), and once enough signed, the execution.
 */
export function SafeTxItem({ tx, safe, accounts, deviceOf }: SafeTxItemProps) {
  const { client } = useWallet();
  const blindId = useId();
  const [allowBlind, setAllowBlind] = useState(false);
  const [signingWith, setSigningWith] = useState<number | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const sign = useAction((accountId: number) =>
    client.call('safes.confirm', { id: tx.id, accountId, allowBlindSigning: allowBlind }),
  );
  const open = isOpen(tx);
  const unsigned = open ? unsignedOwnerAccounts(tx, safe, accounts) : [];
  const hardware = unsigned.some((account) => account.signer !== 'phone');
  const signers = accounts.filter((account) => account.signer !== 'watch');
  const busy = sign.state.status === 'working';

  function signWith(accountId: number) {
    if (busy) return;
    setSigningWith(accountId);
    void sign.run(accountId);
  }

  return (
    <li className="safe-tx" aria-label={tx.summary}>
      <div className="safe-tx__head">
        <p className="safe-tx__summary">{tx.summary}</p>
        <span
          className="badge"
          data-tone={tx.status === 'failed' ? 'danger' : tx.status === 'ready' ? 'success' : undefined}
        >
          {STATUS_WORDS[tx.status]}
        </span>
        {tx.execution && <ExecutionLink tx={tx} />}
      </div>
      <p className="safe-tx__progress">{progressWords(tx)}</p>
      {tx.confirmations.length > 0 && (
        <ul className="safe-tx__confirmations" aria-label="Confirmations">
          {tx.confirmations.map((confirmation) => (
            <li key={confirmation.owner}>{confirmationWords(confirmation, safe.owners, deviceOf)}</li>
          ))}
        </ul>
      )}
      {open && <SafeTxFacts review={tx} />}
      {unsigned.length > 0 && (
        <div className="safe-tx__sign">
          {unsigned.map((account) => (
            <button
              key={account.id}
              type="button"
              className="button"
              aria-disabled={busy}
              onClick={() => signWith(account.id)}
            >
              {busy && signingWith === account.id && (
                <LoaderCircle className="spinner" size={14} aria-hidden="true" />
              )}
              Sign with {accountName(account)}
            </button>
          ))}
          {hardware && (
            <label htmlFor={blindId} className="safe-tx__blind">
              <input
                id={blindId}
                type="checkbox"
                checked={allowBlind}
                onChange={(event) => setAllowBlind(event.target.checked)}
              />
              Allow blind signing: where the device cannot show the Safe transaction, it signs only its hash
            </label>
          )}
        </div>
      )}
      {sign.state.status === 'failed' && (
        <ErrorNote outcome="Not signed" message={sign.state.message} detail={sign.state.detail} />
      )}
      {tx.status === 'ready' && <ExecutePanel tx={tx} signers={signers} />}
      {(open || tx.status === 'failed' || tx.status === 'replaced') && (
        <div className="safe-tx__foot">
          <button type="button" className="button button--danger" onClick={() => setDiscarding(true)}>
            Discard
          </button>
        </div>
      )}
      {discarding && (
        <ConfirmDialog
          title="Discard this Safe transaction?"
          description={
            <p>
              It is forgotten here and on your synced desktops. Signatures already given stay valid on chain:
              to be sure it can never run, execute another transaction with its nonce ({tx.tx.nonce}).
            </p>
          }
          confirmLabel="Discard"
          tone="danger-solid"
          failedOutcome="Not discarded"
          confirm={() => client.call('safes.discard', { id: tx.id })}
          onClose={() => setDiscarding(false)}
        />
      )}
    </li>
  );
}
