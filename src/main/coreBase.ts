import type { Database } from 'better-sqlite3';
import type { EventHub } from './api/events';
import type { Logger } from './log';
import type { Repositories } from './store/repositories';
import type { Vault } from './vault/vault';

/** What the composition root opens first and hands to every capability: the store, the vault, events, log. */
export interface CoreBase {
  db: Database;
  repositories: Repositories;
  vault: Vault;
  events: EventHub;
  log: Logger;
}
