import { useId, useRef, useState } from 'react';
import type { LabelView } from '../../shared/names';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { FormDialogActions } from '../controls/FormDialogActions';
import { Select } from '../controls/Select';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { nameKey, type NameEntry, type NameKind } from './names';
import './NameDialog.css';

interface NameDialogProps {
  kind: NameKind;
  /** The entry being edited; null to add a new one. */
  editing: NameEntry | null;
  onClose(): void;
}

interface Fields {
  address: string;
  /** 'all', or a chain id. */
  scope: string;
  name: string;
  note: string;
  labelKind: LabelView['kind'];
}

const ALL = 'all';

const COPY = {
  contact: {
    add: 'Add a contact',
    edit: 'Edit contact',
    submit: 'Add contact',
    description: 'Someone you send to. The wallet shows this name in place of the address.',
  },
  label: {
    add: 'Add a label',
    edit: 'Edit label',
    submit: 'Add label',
    description:
      'What this address is, such as an exchange deposit address or a contract you use. History and warnings show it by this name.',
  },
} as const;

function initialFields(editing: NameEntry | null): Fields {
  return {
    address: editing?.address ?? '',
    scope: editing?.chainId == null ? ALL : String(editing.chainId),
    name: editing?.name ?? '',
    note: editing?.note ?? '',
    labelKind: editing && 'kind' in editing ? editing.kind : 'eoa',
  };
}

/**
 * Adds or edits a contact or a label. Main checks the address and the lengths; its message is shown as it is.
 * An edit that moves the entry to another address or network replaces it: the new one is stored first, then
 * the old one removed, so a refusal loses nothing.
 */
export function NameDialog({ kind, editing, onClose }: NameDialogProps) {
  const { client, chains, settings } = useWallet();
  const [fields, setFields] = useState<Fields>(() => initialFields(editing));
  const firstField = useRef<HTMLInputElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const formId = useId();
  const errorId = useId();
  const scopeHintId = useId();
  const ids = { address: useId(), scope: useId(), name: useId(), note: useId(), labelKind: useId() };
  const copy = COPY[kind];

  const save = useAction(async (entry: Fields) => {
    const ref = {
      address: entry.address.trim(),
      chainId: entry.scope === ALL ? null : Number(entry.scope),
    };
    const values = { ...ref, name: entry.name.trim(), note: entry.note.trim() };
    if (kind === 'label') await client.call('labels.set', { ...values, kind: entry.labelKind });
    else await client.call('contacts.set', values);
    if (editing && nameKey(editing) !== nameKey(ref)) {
      const old = { address: editing.address, chainId: editing.chainId };
      await client.call(kind === 'label' ? 'labels.remove' : 'contacts.remove', old);
    }
  });
  const saving = save.state.status === 'working';

  // A contract exists on one chain, so its label must say which one.
  const needsChain = kind === 'label' && fields.labelKind === 'contract' && fields.scope === ALL;
  const complete = Boolean(fields.address.trim() && fields.name.trim()) && !needsChain;
  const error = save.state.status === 'failed' ? save.state.message : null;
  // Enabled networks, plus the one an edited entry names if it has been turned off since.
  const scopes = chains.filter(
    (chain) => settings.enabledChainIds.includes(chain.id) || chain.id === editing?.chainId,
  );

  function change(key: keyof Fields, value: string) {
    setFields((current) => ({ ...current, [key]: value }));
    save.clear();
  }

  async function submit() {
    if (saving || !complete) return;
    // The list updates from main's names.changed push, so closing is all there is.
    if (await save.run(fields)) onClose();
  }

  const describedBy = error !== null ? errorId : undefined;

  return (
    <Dialog
      title={editing ? copy.edit : copy.add}
      onCancel={() => !saving && onClose()}
      initialFocus={editing ? nameField : firstField}
      description={<p>{copy.description}</p>}
      actions={
        <FormDialogActions
          formId={formId}
          busy={saving}
          canSubmit={complete}
          label={editing ? 'Save' : copy.submit}
          busyLabel="Saving…"
          onCancel={onClose}
        />
      }
    >
      <form
        id={formId}
        className="name-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="name-form__field name-form__field--wide">
          <label htmlFor={ids.address} className="name-form__label">
            Address
          </label>
          <input
            id={ids.address}
            ref={firstField}
            className="text-input name-form__mono"
            value={fields.address}
            placeholder="0x…"
            onChange={(event) => change('address', event.target.value)}
            aria-invalid={error !== null}
            aria-describedby={describedBy}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
          />
        </div>
        {kind === 'label' && (
          <div className="name-form__field">
            <label htmlFor={ids.labelKind} className="name-form__label">
              Kind
            </label>
            <Select
              id={ids.labelKind}
              value={fields.labelKind}
              onChange={(event) => change('labelKind', event.target.value)}
            >
              <option value="eoa">Account (EOA)</option>
              <option value="contract">Contract</option>
            </Select>
          </div>
        )}
        <div className="name-form__field">
          <label htmlFor={ids.scope} className="name-form__label">
            Networks
          </label>
          <Select
            id={ids.scope}
            value={fields.scope}
            aria-invalid={needsChain}
            aria-describedby={needsChain ? scopeHintId : undefined}
            onChange={(event) => change('scope', event.target.value)}
          >
            <option value={ALL}>All networks</option>
            {scopes.map((chain) => (
              <option key={chain.id} value={chain.id}>
                {chain.name}
              </option>
            ))}
          </Select>
          {needsChain && (
            <p id={scopeHintId} className="name-form__hint">
              A contract exists on one network: choose it.
            </p>
          )}
        </div>
        <div className="name-form__field name-form__field--wide">
          <label htmlFor={ids.name} className="name-form__label">
            Name
          </label>
          <input
            id={ids.name}
            ref={nameField}
            className="text-input"
            value={fields.name}
            maxLength={100}
            onChange={(event) => change('name', event.target.value)}
            aria-invalid={error !== null}
            aria-describedby={describedBy}
            autoComplete="off"
          />
        </div>
        <div className="name-form__field name-form__field--wide">
          <label htmlFor={ids.note} className="name-form__label">
            Note <span className="name-form__optional">(optional)</span>
          </label>
          <textarea
            id={ids.note}
            className="text-input name-form__note"
            value={fields.note}
            maxLength={1000}
            rows={3}
            onChange={(event) => change('note', event.target.value)}
          />
        </div>
      </form>
      {error !== null && <ErrorNote id={errorId} outcome="Not saved" message={error} />}
    </Dialog>
  );
}
