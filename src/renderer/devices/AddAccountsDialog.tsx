import { ChevronDown, LoaderCircle } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import type { DeviceView, DiscoveredAccount, DiscoveryScheme } from '../../shared/devices';
import { Callout } from '../controls/Callout';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { FormDialogActions } from '../controls/FormDialogActions';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { deviceName } from './deviceNames';
import { DeviceRemedy } from './DeviceRemedy';
import { DiscoveryTable, selectionKey } from './DiscoveryTable';
import { panelId, SchemeTabs, tabId } from './SchemeTabs';
import { SCHEMES } from './schemes';
import { useDiscovery } from './useDiscovery';
import './AddAccountsDialog.css';

type Picked = Pick<DiscoveredAccount, 'scheme' | 'index'>;

function submitLabel(count: number): string {
  if (count === 0) return 'Add accounts';
  return count === 1 ? 'Add 1 account' : `Add ${count} accounts`;
}

interface AddAccountsDialogProps {
  device: DeviceView;
  onClose(): void;
}

/** Picks accounts from a device across the derivation schemes, then adds them all in one go. */
export function AddAccountsDialog({ device, onClose }: AddAccountsDialogProps) {
  const { client } = useWallet();
  const [scheme, setScheme] = useState<DiscoveryScheme>('ledger-live');
  // Kept across tabs, so a user restoring from two programs can pick from both schemes at once.
  const [picks, setPicks] = useState<ReadonlyMap<string, Picked>>(new Map());
  const { scan, showMore, retry } = useDiscovery(device.id, scheme);
  const idPrefix = useId();
  const formId = useId();
  const selectedTab = useRef<HTMLButtonElement>(null);
  const add = useAction(() =>
    client.call('devices.addAccounts', {
      deviceId: device.id,
      accounts: [...picks.values()].map(({ scheme: picked, index }) => ({
        scheme: picked,
        index,
        label: '',
      })),
    }),
  );
  const adding = add.state.status === 'working';
  const info = SCHEMES.find((candidate) => candidate.scheme === scheme) ?? SCHEMES[0];
  const firstScan = scan.scanning && scan.accounts.length === 0;

  function toggle(account: DiscoveredAccount) {
    setPicks((previous) => {
      const next = new Map(previous);
      const key = selectionKey(account);
      if (next.has(key)) next.delete(key);
      else next.set(key, { scheme: account.scheme, index: account.index });
      return next;
    });
    add.clear();
  }

  return (
    <Dialog
      title={`Add accounts from ${deviceName(device)}`}
      onCancel={() => !adding && onClose()}
      initialFocus={selectedTab}
      description={
        <p>
          Pick the accounts to use. Addresses are read from the device; no key leaves it. Software you used
          before may have derived its accounts another way: check each scheme to find yours.
        </p>
      }
      actions={
        <FormDialogActions
          formId={formId}
          busy={adding}
          canSubmit={picks.size > 0}
          label={submitLabel(picks.size)}
          busyLabel="Adding…"
          onCancel={onClose}
        />
      }
    >
      <form
        id={formId}
        className="add-accounts"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!adding && picks.size > 0 && (await add.run())) onClose();
        }}
      >
        <SchemeTabs idPrefix={idPrefix} value={scheme} onChange={setScheme} selectedTab={selectedTab} />
        <div
          id={panelId(idPrefix, scheme)}
          role="tabpanel"
          aria-labelledby={tabId(idPrefix, scheme)}
          aria-busy={scan.scanning}
          className="add-accounts__panel"
        >
          <p className="add-accounts__scheme">
            <code>{info?.path}</code> {info?.usedBy}
          </p>
          <div className="add-accounts__table">
            <DiscoveryTable
              accounts={scan.accounts}
              selected={new Set(picks.keys())}
              onToggle={toggle}
              skeletonRows={firstScan ? 3 : 0}
            />
          </div>
          <p className="add-accounts__status" role="status">
            {scan.scanning && (
              <>
                <LoaderCircle className="spinner" size={14} aria-hidden="true" />
                Reading addresses from your device…
              </>
            )}
          </p>
          {scan.error && (
            <Callout tone="danger" role="alert" title={`Could not read addresses: ${scan.error}`}>
              {device.remedy && <DeviceRemedy remedy={device.remedy} />}
              <button type="button" className="button add-accounts__retry" onClick={retry}>
                Try again
              </button>
            </Callout>
          )}
          {scan.next !== null && !scan.error && (
            <button
              type="button"
              className="button add-accounts__more"
              aria-disabled={scan.scanning}
              onClick={showMore}
            >
              <ChevronDown size={14} aria-hidden="true" />
              Show more
            </button>
          )}
        </div>
      </form>
      {add.state.status === 'failed' && <ErrorNote outcome="Not added" message={add.state.message} />}
    </Dialog>
  );
}
