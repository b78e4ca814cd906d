import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { createEventHub } from '../api/events';
import { createLogger } from '../log';
import { RELEASE_PUBLIC_KEY, releaseKeyFingerprint } from './releaseKey';
import { createUpdatesModule } from './updatesModule';

const base = { events: createEventHub(), log: createLogger('updates-test', () => undefined) };
const settings = { get: () => DEFAULT_SETTINGS };
const CALL = { senderOrigin: 'test' } as never;

describe('createUpdatesModule', () => {
  it('answers the updates calls, showing the pinned key and saying why a build without an engine does not update', async () => {
    const { handlers } = createUpdatesModule(base, { settings, version: '0.1.0' });
    const view = await handlers['updates.view'](undefined, CALL);
    expect(view).toMatchObject({
      installedVersion: '0.1.0',
      feedUrl: DEFAULT_SETTINGS.updateFeedUrl,
      automatic: true,
      releaseKeyFingerprint: releaseKeyFingerprint(RELEASE_PUBLIC_KEY),
      status: { state: 'unavailable' },
    });
    expect(await handlers['updates.check'](undefined, CALL)).toEqual(view);
    expect(() => handlers['updates.restart'](undefined, CALL)).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
  });

  it('starts a check through the engine and shows the fingerprint of the key it was given', async () => {
    const engine = { check: vi.fn(async () => null), download: vi.fn(), install: vi.fn() };
    const publicKey = new Uint8Array(32).fill(7);
    const { handlers, updates } = createUpdatesModule(base, {
      settings,
      engine,
      version: '1.2.0',
      publicKey,
    });
    expect(await handlers['updates.check'](undefined, CALL)).toMatchObject({
      releaseKeyFingerprint: releaseKeyFingerprint(publicKey),
      status: { state: 'checking' },
    });
    expect((await updates.settled()).status.state).toBe('up-to-date');
    expect(engine.check).toHaveBeenCalledWith(DEFAULT_SETTINGS.updateFeedUrl);
  });
});
