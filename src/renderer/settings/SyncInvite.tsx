import { useState } from 'react';
import type { SyncInvite as Invite, SyncView } from '../../shared/sync';
import { ActionStatus } from '../controls/ActionStatus';
import { CopyButton } from '../controls/CopyButton';
import { ErrorNote } from '../controls/ErrorNote';
import { formatCountdown, useRemaining } from '../pairing/countdown';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { SettingRow } from './SettingRow';
import { SettingsSection } from './SettingsSection';

/** "K7PX 29QF M4TD 8WZR": groups of four are easier to read out and type; a code main grouped stays as is. */
export function groupInviteCode(code: string): string {
  return /[\s-]/.test(code) ? code : (code.match(/.{1,4}/g) ?? [code]).join(' ');
}

function InviteCode({ invite }: { invite: Invite }) {
  const remaining = useRemaining(invite.expiresAt);
  return (
    <div className="sync-invite" data-expired={remaining === 0 ? '' : undefined}>
      <span className="sync-invite__code">
        <code>{groupInviteCode(invite.code)}</code>
        <CopyButton text={invite.code} label="invite code" />
      </span>
      <p className="sync-invite__expiry">
        {remaining > 0 ? `Expires in ${formatCountdown(remaining)}` : 'Expired — show a new code'}
      </p>
    </div>
  );
}

/** Bringing another desktop into the group: an invite code shown here, or one from there typed in. */
export function SyncInvite({ onChange }: { onChange(view: SyncView): void }) {
  const { client } = useWallet();
  const [code, setCode] = useState('');
  const invite = useAction(() => client.call('sync.invite'));
  const join = useAction(async (typed: string) => {
    onChange(await client.call('sync.join', { code: typed }));
    setCode('');
  });
  const inviting = invite.state.status === 'working';
  const joining = join.state.status === 'working';
  // The code is shown in groups; what a person types back may carry those spaces.
  const typed = code.replace(/\s+/g, '');

  return (
    <SettingsSection title="Add another desktop">
      <SettingRow
        label="Invite a desktop"
        description="Choose the same sync folder on the other desktop first. Then show a one-time code here and enter it there, under Join a group."
        note={
          <>
            {invite.state.status === 'done' && <InviteCode invite={invite.state.result} />}
            {invite.state.status === 'failed' && (
              <ErrorNote outcome="No invite code" message={invite.state.message} />
            )}
          </>
        }
      >
        {() => (
          <button
            type="button"
            className="button"
            aria-disabled={inviting}
            onClick={() => !inviting && void invite.run()}
          >
            {invite.state.status === 'done' ? 'Show a new code' : 'Show invite code'}
          </button>
        )}
      </SettingRow>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!joining && typed) void join.run(typed);
        }}
      >
        <SettingRow
          label="Join a group"
          description="Enter the code a desktop of the group shows. This desktop then syncs with that group through the folder."
          status={
            <ActionStatus
              state={join.state}
              working="Joining…"
              done={() => 'Joined. This desktop now syncs with the group.'}
            />
          }
          note={
            join.state.status === 'failed' && <ErrorNote outcome="Not joined" message={join.state.message} />
          }
        >
          {({ descriptionId }) => (
            <>
              <input
                className="text-input sync-invite__input"
                aria-label="Invite code"
                aria-describedby={descriptionId}
                value={code}
                onChange={(event) => {
                  setCode(event.target.value);
                  join.clear();
                }}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
              />
              <button type="submit" className="button" aria-disabled={joining || !typed}>
                Join
              </button>
            </>
          )}
        </SettingRow>
      </form>
    </SettingsSection>
  );
}
