import type { Settings } from '../../shared/settings';
import type { FamilyHandlers } from '../api/router';
import type { updatesCalls } from '../../shared/api/calls/updates';
import type { CoreBase } from '../coreBase';
import { RELEASE_PUBLIC_KEY, releaseKeyFingerprint } from './releaseKey';
import type { UpdateEngine } from './updateEngine';
import { updatesHandlers } from './updatesHandlers';
import { UpdatesService } from './updatesService';

export interface UpdatesModuleDeps {
  settings: { get(): Settings };
  /** electron-updater behind the signed feed in the packaged app; absent in the browser host and development. */
  engine?: UpdateEngine | null;
  /** The installed version: the app's. */
  version: string;
  /** The key whose fingerprint Settings shows; the pinned release key unless a test signs with its own. */
  publicKey?: Uint8Array;
}

/** The app's own updates: the service and the handlers of the `updates.*` calls. */
export function createUpdatesModule(
  base: Pick<CoreBase, 'events' | 'log'>,
  deps: UpdatesModuleDeps,
): { handlers: FamilyHandlers<typeof updatesCalls>; updates: UpdatesService } {
  const updates = new UpdatesService({
    ...base,
    settings: deps.settings,
    engine: deps.engine ?? null,
    installedVersion: deps.version,
    releaseKeyFingerprint: releaseKeyFingerprint(deps.publicKey ?? RELEASE_PUBLIC_KEY),
  });
  return { handlers: updatesHandlers(updates), updates };
}
