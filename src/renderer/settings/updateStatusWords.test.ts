import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../shared/updates';
import { updateStatusWords } from './updateStatusWords';

const NOW = 1_800_000_000_000;
const MINUTES = 60_000;

describe('updateStatusWords', () => {
  it.each<[UpdateStatus, string]>([
    [
      { state: 'unavailable', reason: 'This build does not update itself.' },
      'This build does not update itself.',
    ],
    [{ state: 'idle' }, 'Not checked since Ledgerline started.'],
    [{ state: 'checking' }, 'Checking the release feed…'],
    [{ state: 'up-to-date', checkedAt: NOW - 5 * MINUTES }, 'Up to date · checked 5 min ago'],
    [{ state: 'up-to-date', checkedAt: NOW }, 'Up to date · checked just now'],
    [{ state: 'downloading', version: '1.3.0', percent: 41.7 }, 'Downloading 1.3.0 · 41%'],
    [
      { state: 'ready', version: '1.3.0', releaseDate: null },
      'Version 1.3.0 is downloaded and verified. It installs when you restart.',
    ],
    [
      { state: 'refused', code: 'not-newer', version: '1.1.0', message: 'Older.', at: NOW - 3 * 3_600_000 },
      'Version 1.1.0 refused · 3 h ago',
    ],
    [
      { state: 'refused', code: 'unsigned', version: null, message: 'Not signed.', at: NOW - 2 * MINUTES },
      'Release refused · 2 min ago',
    ],
    [
      { state: 'failed', message: 'The feed did not answer.', at: NOW - 30_000 },
      'The last attempt did not finish · 30 s ago',
    ],
  ])('says %j as %s', (status, words) => {
    expect(updateStatusWords(status, NOW)).toBe(words);
  });
});
