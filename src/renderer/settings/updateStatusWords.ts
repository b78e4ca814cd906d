import type { UpdateStatus } from '../../shared/updates';
import { formatAge } from '../format/age';

/**
 * The update state in one line, for the live region under "Installed version": what the app knows now, and
 * since when for the outcomes of a check. The refusal's and the failure's own words are shown apart, in full.
 */
export function updateStatusWords(status: UpdateStatus, now: number): string {
  switch (status.state) {
    case 'unavailable':
      return status.reason;
    case 'idle':
      return 'Not checked since Ledgerline started.';
    case 'checking':
      return 'Checking the release feed…';
    case 'up-to-date':
      return `Up to date · checked ${formatAge(status.checkedAt, now)}`;
    case 'downloading':
      return `Downloading ${status.version} · ${Math.floor(status.percent)}%`;
    case 'ready':
      return `Version ${status.version} is downloaded and verified. It installs when you restart.`;
    case 'refused':
      return `${status.version ? `Version ${status.version} refused` : 'Release refused'} · ${formatAge(status.at, now)}`;
    case 'failed':
      return `The last attempt did not finish · ${formatAge(status.at, now)}`;
  }
}
