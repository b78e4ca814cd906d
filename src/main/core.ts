import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../shared/api/contract';
import { CHAINS } from '../shared/chains/registry';
import { createEventHub, type EventHub } from './api/events';
import { createRouter, type Router } from './api/router';
import type { Logger } from './log';
import { SettingsService } from './settings/settingsService';
import { openDatabase } from './store/database';
import { SettingsRepository } from './store/settingsRepository';

export interface CoreOptions {
  /** Where the database lives; the Electron shell passes app.getPath('userData'). */
  dataDir: string;
  app: Pick<AppInfo, 'name' | 'version' | 'host'>;
  electronVersion: string | null;
  /** Origins whose main frame may call the router: `app://wallet` in Electron, the host's own URL in a browser. */
  trustedOrigins: readonly string[];
  log: Logger;
}

export interface Core {
  router: Router;
  events: EventHub;
  close(): void;
}

/**
 * Builds every core service once and wires them to the router. Both the Electron shell and the browser host
 * call this, so the app they serve is the same code.
 */
export function createCore({ dataDir, app, electronVersion, trustedOrigins, log }: CoreOptions): Core {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, 'wallet.sqlite'));
  const events = createEventHub();
  const settings = new SettingsService(new SettingsRepository(db), events, log);

  const info: AppInfo = {
    ...app,
    platform: process.platform,
    arch: process.arch,
    runtime: { node: process.versions.node, electron: electronVersion },
  };

  const router = createRouter({
    trustedOrigins,
    log,
    handlers: {
      'app.info': () => info,
      'chains.list': () => [...CHAINS],
      'settings.get': () => settings.get(),
      'settings.set': (patch) => settings.set(patch),
    },
  });

  return {
    router,
    events,
    close: () => db.close(),
  };
}
