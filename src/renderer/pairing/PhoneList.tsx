import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { PairingView, PhoneView } from '../../shared/pairing';
import { formatAge } from '../format/age';
import { shortAddress } from '../../shared/format/shortAddress';
import { useNow } from '../portfolio/useNow';
import { SettingsSection } from '../settings/SettingsSection';
import type { StartPairing } from './PairPhoneSection';
import { RevokePhoneDialog } from './RevokePhoneDialog';

const PAIRED_AT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface PhoneListProps {
  phones: PhoneView[];
  start: StartPairing;
  onChange(view: PairingView): void;
}

/** The phones that may sign for this wallet, whether they are reachable now, and the way to cut one off. */
export function PhoneList({ phones, start, onChange }: PhoneListProps) {
  const now = useNow(10_000);
  const [revoking, setRevoking] = useState<PhoneView | null>(null);

  return (
    <SettingsSection title="Paired phones">
      {phones.length === 0 ? (
        <p className="phone-list__empty">No phone is paired yet.</p>
      ) : (
        <ul className="phone-list">
          {phones.map((phone) => (
            <li key={phone.fingerprint} className="phone-list__row" aria-label={phone.name}>
              <div className="phone-list__identity">
                <span className="phone-list__name">
                  <span
                    className="phone-list__dot"
                    data-online={phone.online ? '' : undefined}
                    aria-hidden="true"
                  />
                  {phone.name}
                  <span className="visually-hidden">{phone.online ? ', online' : ', offline'}</span>
                </span>
                <code className="phone-list__address" title={phone.address}>
                  {shortAddress(phone.address)}
                </code>
              </div>
              <dl className="phone-list__facts">
                <div>
                  <dt>Paired</dt>
                  <dd>{PAIRED_AT.format(phone.pairedAt)}</dd>
                </div>
                <div>
                  <dt>Last seen</dt>
                  <dd>{phone.online ? 'Online now' : formatAge(phone.lastSeenAt, now)}</dd>
                </div>
              </dl>
              <div className="phone-list__actions">
                {phone.status === 'expired' && (
                  <>
                    <span className="badge" data-tone="warning">
                      Pairing expired
                    </span>
                    <button
                      type="button"
                      className="button"
                      aria-disabled={start.state.status === 'working'}
                      onClick={() => start.state.status !== 'working' && void start.run()}
                    >
                      Pair again
                    </button>
                  </>
                )}
                <button type="button" className="button button--danger" onClick={() => setRevoking(phone)}>
                  <Trash2 size={14} aria-hidden="true" />
                  Revoke
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {revoking && (
        <RevokePhoneDialog phone={revoking} onRevoked={onChange} onClose={() => setRevoking(null)} />
      )}
    </SettingsSection>
  );
}
