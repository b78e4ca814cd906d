import { useId, useRef, useState } from 'react';
import type { AccountView } from '../../shared/accounts';
import { MAX_SAFE_OWNERS, type CreateSafe } from '../../shared/safes';
import { AccountSelect } from '../accounts/AccountSelect';
import { accountName, SIGNER_LABELS } from '../accounts/useAccounts';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { FormDialogActions } from '../controls/FormDialogActions';
import { Fact } from '../review/ActionFacts';
import { FeeFacts } from '../review/FeeFacts';
import { FindingList } from '../review/FindingList';
import { canSign } from '../review/findingOrder';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { NetworkField, TextField, ThresholdField } from './SafeFormFields';
import { boundedThreshold, MAX_SAFE_NAME } from './safeWords';
import '../review/review.css';

interface CreateSafeDialogProps {
  /** The accounts that sign (Ledger, Trezor, phone): the only ones that can own a Safe or pay for it. */
  signers: readonly AccountView[];
  onClose(): void;
}

/**
 * A new Safe owned by the user's own signers. Review first asks main for the Safe's address (known before it
 * exists) and what the creation costs; any change to the form asks again, so what is created is what was read.
 */
export function CreateSafeDialog({ signers, onClose }: CreateSafeDialogProps) {
  const { client, settings } = useWallet();
  const [name, setName] = useState('');
  const [chainId, setChainId] = useState(settings.activeChainId);
  const [owners, setOwners] = useState<number[]>([]);
  const [typedThreshold, setTypedThreshold] = useState(1);
  const [deployer, setDeployer] = useState<number | null>(signers[0]?.id ?? null);
  const nameField = useRef<HTMLInputElement>(null);
  const formId = useId();
  const ids = { deployer: useId(), owners: useId() };
  const threshold = boundedThreshold(typedThreshold, owners.length);

  const request: CreateSafe | null =
    name.trim() !== '' && owners.length > 0 && deployer !== null
      ? { chainId, name: name.trim(), ownerAccountIds: owners, threshold, deployerAccountId: deployer }
      : null;
  const review = useAction((create: CreateSafe) => client.call('safes.reviewCreate', create));
  const create = useAction((checked: CreateSafe) => client.call('safes.create', checked));
  const reviewed = review.state.status === 'done' ? review.state.result : null;
  const busy = review.state.status === 'working' || create.state.status === 'working';
  const blocked =
    reviewed !== null && (reviewed.review.cannotSign !== null || !canSign(reviewed.review, false));

  /** Every change voids the review: Create Safe sends only what the user has just read. */
  function change(apply: () => void) {
    apply();
    review.clear();
    create.clear();
  }

  function toggleOwner(id: number, on: boolean) {
    change(() => setOwners((chosen) => (on ? [...chosen, id] : chosen.filter((owner) => owner !== id))));
  }

  async function submit() {
    if (busy || !request || blocked) return;
    if (!reviewed) {
      await review.run(request);
      return;
    }
    // The new Safe reaches the page through main's safes.changed push, so closing is all there is.
    if (await create.run(request)) onClose();
  }

  return (
    <Dialog
      title="Create a Safe"
      onCancel={() => !busy && onClose()}
      initialFocus={nameField}
      description={
        <p>
          A Safe is an account that needs signatures from several of your devices. Its address is known before
          it exists; creating it is one transaction, paid by the account you choose.
        </p>
      }
      actions={
        <FormDialogActions
          formId={formId}
          busy={busy}
          canSubmit={request !== null && !blocked}
          label={reviewed ? 'Create Safe' : 'Review'}
          busyLabel={reviewed ? 'Waiting for the device…' : 'Reviewing…'}
          onCancel={onClose}
        />
      }
    >
      <form
        id={formId}
        className="safe-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField
          label="Name"
          value={name}
          maxLength={MAX_SAFE_NAME}
          inputRef={nameField}
          onChange={(typed) => change(() => setName(typed))}
        />
        <NetworkField value={chainId} onChange={(id) => change(() => setChainId(id))} />
        <fieldset className="safe-form__owners" aria-describedby={ids.owners}>
          <legend className="safe-form__label">Owners</legend>
          <p id={ids.owners} className="safe-form__hint">
            Up to {MAX_SAFE_OWNERS}, from your Ledger, Trezor and phone accounts.
          </p>
          {signers.map((account) => (
            // The device sits beside the label, not in it: the checkbox is named by the account alone.
            <div key={account.id} className="safe-form__owner">
              <label className="safe-form__choice">
                <input
                  type="checkbox"
                  checked={owners.includes(account.id)}
                  disabled={!owners.includes(account.id) && owners.length >= MAX_SAFE_OWNERS}
                  onChange={(event) => toggleOwner(account.id, event.target.checked)}
                />
                {accountName(account)}
              </label>
              <span className="safe-form__device">{SIGNER_LABELS[account.signer]}</span>
            </div>
          ))}
        </fieldset>
        <ThresholdField
          value={threshold}
          owners={owners.length}
          onChange={(typed) => change(() => setTypedThreshold(boundedThreshold(typed, owners.length)))}
        />
        <label htmlFor={ids.deployer} className="safe-form__label">
          Pays the gas
        </label>
        <AccountSelect
          id={ids.deployer}
          accounts={signers}
          value={deployer}
          onChange={(id) => change(() => setDeployer(id))}
        />
      </form>
      {reviewed && (
        <div className="safe-form__review">
          <dl className="review__facts">
            <Fact label="Safe address">
              <code className="safe-address">{reviewed.address}</code>
            </Fact>
            <FeeFacts review={reviewed.review} />
          </dl>
          <FindingList findings={reviewed.review.findings} />
          {reviewed.review.cannotSign && <p className="review-aside">{reviewed.review.cannotSign}</p>}
        </div>
      )}
      {review.state.status === 'failed' && (
        <ErrorNote outcome="Could not review" message={review.state.message} detail={review.state.detail} />
      )}
      {create.state.status === 'failed' && (
        <ErrorNote outcome="Not created" message={create.state.message} detail={create.state.detail} />
      )}
    </Dialog>
  );
}
