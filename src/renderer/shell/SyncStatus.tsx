import type { SyncView } from '../../shared/sync';
import { settingsHref } from '../settings/settingsSections';
import { useSync } from '../settings/useSync';
import './TopBar.css';

type Tone = 'off' | 'ok' | 'warning' | 'danger';

/** One word for the whole group, the worst first: what the user should look at in Settings → Sync. */
function summary(view: SyncView | null): { tone: Tone; text: string; title: string } {
  const others = view?.devices.filter((device) => !device.self) ?? [];
  if (!view || (others.length === 0 && view.folder.path === null)) {
    return { tone: 'off', text: 'Sync off', title: 'Sync is not set up. See Settings → Sync.' };
  }
  const rolledBack = others.find((device) => device.state === 'rolled_back');
  if (rolledBack || view.folder.error) {
    return {
      tone: 'danger',
      text: 'Sync needs attention',
      title: rolledBack?.detail ?? view.folder.error ?? '',
    };
  }
  const behind = others.find((device) => device.state === 'behind');
  if (behind) return { tone: 'warning', text: 'Sync behind', title: behind.detail ?? '' };
  const devices = others.length + 1;
  return {
    tone: 'ok',
    text: others.length > 0 ? `Synced · ${devices} devices` : 'Sync folder on',
    title: 'Everything that syncs is up to date. See Settings → Sync.',
  };
}

/** The sync group at a glance; it leads to Settings, where sync is set up and explained. */
export function SyncStatus() {
  const { tone, text, title } = summary(useSync().view);
  return (
    <a className="sync-status" data-tone={tone} href={settingsHref('sync')} title={title}>
      <span className="sync-status__dot" aria-hidden="true" />
      {text}
    </a>
  );
}
