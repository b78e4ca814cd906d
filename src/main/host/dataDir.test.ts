import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './dataDir';

describe('defaultDataDir', () => {
  it('follows each platform’s per-user data folder', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/x' }, 'linux')).toBe(join('/x', 'Ledgerline', 'browser-host'));
    expect(defaultDataDir({}, 'linux')).toBe(
      join(homedir(), '.local', 'share', 'Ledgerline', 'browser-host'),
    );
    expect(defaultDataDir({}, 'darwin')).toBe(
      join(homedir(), 'Library', 'Application Support', 'Ledgerline', 'browser-host'),
    );
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Ledgerline');
  });
});
