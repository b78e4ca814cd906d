import { z } from 'zod';
import { UpdatesView } from '../../updates';
import { NoRequest, type CallFamily, type EventFamily } from './spec';

/**
 * Updates of the app itself. A release is installed only when its metadata carries a valid signature by the
 * release key pinned in this build, its version is above the installed one, and the downloaded file's sha512
 * is the one that metadata names. The feed and automatic checks are settings (`updateFeedUrl`,
 * `automaticUpdates`).
 */
export const updatesCalls = {
  'updates.view': { request: NoRequest, response: UpdatesView },
  /** Asks the feed now; the outcome arrives as `updates.changed` (and in the next `updates.view`). */
  'updates.check': { request: NoRequest, response: UpdatesView },
  /** Quits and installs the downloaded release; refused unless one is `ready`. The user's choice, never automatic. */
  'updates.restart': { request: NoRequest, response: z.null() },
} as const satisfies CallFamily;

export const updatesEvents = {
  'updates.changed': UpdatesView,
} as const satisfies EventFamily;
