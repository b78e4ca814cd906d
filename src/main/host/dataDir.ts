import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the browser host keeps its database when WALLET_DATA_DIR is not set: the platform's usual
 * per-user data folder, in a directory of its own so it never shares a database with the Electron app.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = homedir();
  const base =
    platform === 'darwin'
      ? join(home, 'Library', 'Application Support')
      : platform === 'win32'
        ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
        : (env.XDG_DATA_HOME ?? join(home, '.local', 'share'));
  return join(base, 'Ledgerline', 'browser-host');
}
