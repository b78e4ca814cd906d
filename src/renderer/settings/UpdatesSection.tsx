import { CircleCheck, LoaderCircle, RotateCw, ShieldX } from 'lucide-react';
import { DEFAULT_UPDATE_FEED, UpdateFeedUrl, type UpdatesView } from '../../shared/updates';
import { Callout } from '../controls/Callout';
import { CopyButton } from '../controls/CopyButton';
import { ErrorNote } from '../controls/ErrorNote';
import { useNow } from '../portfolio/useNow';
import { useAction } from '../session/useAction';
import { useLiveView } from '../session/useLiveView';
import { useWallet } from '../session/WalletContext';
import { SettingRow } from './SettingRow';
import { SettingsSection } from './SettingsSection';
import { SettingSwitchRow } from './SettingSwitchRow';
import { SettingTextRow } from './SettingTextRow';
import { updateStatusWords } from './updateStatusWords';
import './UpdatesSection.css';

/**
 * Updates of the app itself: the installed version and what the last check concluded, the user's own restart
 * into a verified release, and the feed and automatic checks with what they give away.
 */
export function UpdatesSection() {
  const { client } = useWallet();
  const updates = useLiveView('updates.view');
  const check = useAction(async () => updates.show(await client.call('updates.check')));
  const restart = useAction(() => client.call('updates.restart'));
  const view = updates.view;
  const state = view?.status.state;
  // Nothing to ask while main is asking already, nor where this build cannot install what it would find.
  const closed =
    check.state.status === 'working' ||
    state === undefined ||
    state === 'checking' ||
    state === 'downloading' ||
    state === 'unavailable';

  return (
    <SettingsSection title="Updates">
      <SettingRow
        label={view ? `Installed version ${view.installedVersion}` : 'Installed version'}
        description="Ledgerline installs a release only when it is signed with its release key and newer than this one, and only when you restart."
        status={view ? <StatusLine view={view} /> : !updates.error && 'Reading the update state…'}
        note={
          <>
            {updates.error && <ErrorNote outcome="Could not read the update state" message={updates.error} />}
            {view && <StatusNote view={view} />}
            {check.state.status === 'failed' && (
              <ErrorNote outcome="Not checked" message={check.state.message} detail={check.state.detail} />
            )}
            {restart.state.status === 'failed' && (
              <ErrorNote
                outcome="Not restarted"
                message={restart.state.message}
                detail={restart.state.detail}
              />
            )}
          </>
        }
      >
        {() => (
          <>
            {state === 'ready' && (
              <button
                type="button"
                className="button button--primary"
                aria-busy={restart.state.status === 'working'}
                onClick={() => void restart.run()}
              >
                Restart to update
              </button>
            )}
            <button
              type="button"
              className="button"
              aria-disabled={closed}
              onClick={() => {
                if (!closed) void check.run();
              }}
            >
              <RotateCw size={14} aria-hidden="true" />
              Check for updates
            </button>
          </>
        )}
      </SettingRow>
      <SettingSwitchRow
        setting="automaticUpdates"
        label="Check automatically"
        description="Asks the release feed on start and twice a day; the feed learns your IP address and installed version."
      />
      <SettingTextRow
        setting="updateFeedUrl"
        label="Release feed"
        description="Releases are installed only when signed with Ledgerline’s release key, whatever the feed."
        schema={UpdateFeedUrl}
        reset={{ label: 'Reset to default', value: DEFAULT_UPDATE_FEED }}
      />
      <SettingRow
        label="Release key"
        description="Pinned in this build. Compare its fingerprint with the one the website and the README print."
        note={
          view && (
            <div className="release-key">
              <code className="selectable-value" data-testid="release-key">
                {view.releaseKeyFingerprint}
              </code>
              <CopyButton text={view.releaseKeyFingerprint} label="the release key’s fingerprint" />
            </div>
          )
        }
      />
    </SettingsSection>
  );
}

/** The state in words, with an icon where one helps to read it at a glance; relative times keep counting. */
function StatusLine({ view }: { view: UpdatesView }) {
  const now = useNow(10_000);
  const { status } = view;
  const words = updateStatusWords(status, now);
  if (status.state === 'checking') {
    return (
      <>
        <LoaderCircle className="spinner" size={14} aria-hidden="true" />
        {words}
      </>
    );
  }
  if (status.state === 'up-to-date' || status.state === 'ready') {
    return (
      <>
        <CircleCheck className="updates__verified" size={14} aria-hidden="true" />
        {words}
      </>
    );
  }
  return words;
}

/** What a state has to say beyond its line: the download's progress, or why nothing was installed. */
function StatusNote({ view }: { view: UpdatesView }) {
  const { status } = view;
  switch (status.state) {
    case 'downloading':
      return (
        <progress
          className="updates__progress"
          aria-label={`Downloading version ${status.version}`}
          max={100}
          value={status.percent}
        />
      );
    case 'refused':
      return (
        // Main's message says what was wrong; the title says at a glance that nothing changed here.
        <Callout
          tone="danger"
          icon={ShieldX}
          title={`Update refused · version ${view.installedVersion} keeps running`}
        >
          {status.message}
        </Callout>
      );
    case 'failed':
      return <Callout tone="warning">{status.message}</Callout>;
    default:
      return null;
  }
}
