import type { UpdateStatus, UpdatesView } from '../../../src/shared/updates';
import { ApiCallError } from '../../../src/renderer/api/client';
import type { FamilyHandlers } from './handlers';
import type { DoubleWorld } from './world';

type UpdatesChannel = 'updates.view' | 'updates.check' | 'updates.restart';

/** A stand-in for the pinned key's fingerprint: the renderer shows whatever main says, unchanged. */
export const TEST_RELEASE_KEY_FINGERPRINT =
  'ed25519:7c1e4b2a9d0358f6e1a02c7b93d40f65a1b2c3d4e5f60718293a4b5c6d7e8f90';

export interface UpdatesCalls {
  handlers: FamilyHandlers<UpdatesChannel>;
  /** What main's updater concluded last; tests set it through `update`, which pushes it. */
  status: UpdateStatus;
  /** Where the next updates.check ends, as the feed and the verification would decide. */
  nextCheck: UpdateStatus;
  /** How many restarts main granted: each quits the app and installs the ready release. */
  restarts: number;
  /** Main's updater moved on by itself (a download's progress, an automatic check): pushed whole. */
  update(status: UpdateStatus): UpdatesView;
}

/**
 * The app's own updates as main reports them. The feed and the automatic checks are the user's settings, read
 * from the double's settings as main reads them; the installed version is app.info's.
 */
export function updatesCalls(double: DoubleWorld): UpdatesCalls {
  const part: UpdatesCalls = {
    status: { state: 'idle' },
    nextCheck: { state: 'up-to-date', checkedAt: Date.now() },
    restarts: 0,
    update(status) {
      part.status = status;
      const shown = view();
      double.emit('updates.changed', shown);
      return shown;
    },
    handlers: {
      'updates.view': () => view(),
      // Like main: a check asked for while one runs, or where this build cannot update, changes nothing.
      'updates.check': () => {
        const { state } = part.status;
        if (state === 'unavailable' || state === 'checking' || state === 'downloading') return view();
        part.update({ state: 'checking' });
        return part.update(part.nextCheck);
      },
      'updates.restart': () => {
        if (part.status.state !== 'ready') {
          throw new ApiCallError('updates.restart', {
            code: 'invalid_state',
            message: 'No update is ready to install. Check for updates first.',
          });
        }
        part.restarts++;
        return null;
      },
    },
  };

  function view(): UpdatesView {
    return {
      installedVersion: double.info.version,
      feedUrl: double.settings.updateFeedUrl,
      automatic: double.settings.automaticUpdates,
      releaseKeyFingerprint: TEST_RELEASE_KEY_FINGERPRINT,
      status: part.status,
    };
  }

  return part;
}
