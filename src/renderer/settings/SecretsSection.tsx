import {
  CircleHelp,
  LoaderCircle,
  Lock,
  RotateCw,
  ShieldCheck,
  ShieldOff,
  type LucideIcon,
} from 'lucide-react';
import type { VaultStatus } from '../../shared/vault';
import { Callout } from '../controls/Callout';
import { ErrorNote } from '../controls/ErrorNote';
import { useCallResult } from '../session/useCallResult';
import { SettingRow } from './SettingRow';
import { SettingsSection } from './SettingsSection';
import './SecretsSection.css';

interface Badge {
  label: string;
  icon: LucideIcon;
  tone?: 'success' | 'warning';
}

// Locked and unavailable share the warning's amber (both ask the user to act); the icon and the word tell them
// apart, so colour is never the only signal.
const STATE_BADGES: Record<VaultStatus['state'], Badge> = {
  available: { label: 'Available', icon: ShieldCheck, tone: 'success' },
  locked: { label: 'Locked', icon: Lock, tone: 'warning' },
  unavailable: { label: 'Unavailable', icon: ShieldOff, tone: 'warning' },
};
const CHECKING: Badge = { label: 'Checking…', icon: LoaderCircle };
const UNKNOWN: Badge = { label: 'Unknown', icon: CircleHelp };

/** Said above main's remedy, so it is plain that nothing secret is kept until the user acts. */
const CONSEQUENCES: Record<Exclude<VaultStatus['state'], 'available'>, string> = {
  locked: 'The wallet cannot store or read secrets while the keychain is locked',
  unavailable: 'The wallet cannot store or read secrets without a keychain',
};

const PURPOSE =
  'The wallet encrypts pairing and sync keys with a key that only the keychain holds, and never stores them any other way.';

/** The vault's view of the OS keychain: which one, whether it can be used now, and what to do if not. */
export function SecretsSection() {
  const vault = useCallResult('vault.status');
  const status = vault.data;
  const badge = vault.loading ? CHECKING : status ? STATE_BADGES[status.state] : UNKNOWN;
  const BadgeIcon = badge.icon;

  return (
    <SettingsSection title="Secrets">
      <SettingRow
        label={status ? `OS keychain · ${status.backend}` : 'OS keychain'}
        description={status?.state === 'available' ? status.message : PURPOSE}
        note={
          vault.error ? (
            <ErrorNote outcome="Could not check the keychain" message={vault.error} />
          ) : (
            status &&
            status.state !== 'available' && (
              <Callout
                tone="warning"
                icon={STATE_BADGES[status.state].icon}
                title={CONSEQUENCES[status.state]}
              >
                {status.message}
              </Callout>
            )
          )
        }
      >
        {() => (
          <>
            <span
              className="badge vault-state"
              data-tone={badge.tone}
              role="status"
              data-testid="vault-state"
            >
              <BadgeIcon className={vault.loading ? 'spinner' : undefined} size={12} aria-hidden="true" />
              {badge.label}
            </span>
            <button
              type="button"
              className="button"
              aria-disabled={vault.loading}
              onClick={() => {
                if (!vault.loading) vault.reload();
              }}
            >
              <RotateCw size={14} aria-hidden="true" />
              Check again
            </button>
          </>
        )}
      </SettingRow>
    </SettingsSection>
  );
}
