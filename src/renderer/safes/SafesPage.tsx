import { Plus, Vault } from 'lucide-react';
import { useState } from 'react';
import { useAccounts } from '../accounts/useAccounts';
import { ErrorNote } from '../controls/ErrorNote';
import { EmptyState } from '../screens/EmptyState';
import { Page } from '../screens/Page';
import { AddSafeDialog } from './AddSafeDialog';
import { CreateSafeDialog } from './CreateSafeDialog';
import { SafeCard } from './SafeCard';
import { useDeviceNames } from './useDeviceNames';
import { useSafes } from './useSafes';
import './SafesPage.css';

const LEDE =
  'Accounts that need several of your devices to sign, coordinated over your paired phone and synced desktops, never through a Safe service.';

/** The Safes the wallet follows, each with its owners, warnings and pending transactions. */
export function SafesPage() {
  const safes = useSafes();
  const accounts = useAccounts().list ?? [];
  const deviceOf = useDeviceNames();
  const [dialog, setDialog] = useState<'create' | 'add' | null>(null);
  const signers = accounts.filter((account) => account.signer !== 'watch');
  const { view } = safes;

  return (
    <Page
      title="Safes"
      lede={LEDE}
      actions={
        <>
          <button type="button" className="button" onClick={() => setDialog('add')}>
            Add existing Safe
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={signers.length === 0}
            title={signers.length === 0 ? 'Add a Ledger, Trezor or phone account first.' : undefined}
            onClick={() => setDialog('create')}
          >
            <Plus size={14} aria-hidden="true" />
            Create a Safe
          </button>
        </>
      }
    >
      {safes.error && <ErrorNote outcome="Could not load Safes" message={safes.error} />}
      {view?.safes.length === 0 && (
        <EmptyState
          icon={Vault}
          headline="No Safe yet"
          guidance="Create a Safe owned by your Ledger, Trezor and phone, so a payment needs more than one of them, or add a Safe you already own by its address."
          actions={null}
        />
      )}
      {view && view.safes.length > 0 && (
        <div className="safes">
          {view.safes.map((safe) => (
            <SafeCard
              key={safe.id}
              safe={safe}
              transactions={view.transactions.filter((tx) => tx.safeId === safe.id)}
              accounts={accounts}
              deviceOf={deviceOf}
            />
          ))}
        </div>
      )}
      {dialog === 'create' && <CreateSafeDialog signers={signers} onClose={() => setDialog(null)} />}
      {dialog === 'add' && <AddSafeDialog onClose={() => setDialog(null)} />}
    </Page>
  );
}
