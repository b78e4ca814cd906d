import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api/envelope';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { UpdatesView } from '../../shared/updates';
import { createEventHub } from '../api/events';
import { createLogger } from '../log';
import type { ReleaseMetadata } from './releaseMetadata';
import type { UpdateEngine } from './updateEngine';
import { UpdateRefusal } from './updateRefusal';
import { NO_SELF_UPDATE, UpdatesService } from './updatesService';

const RELEASE: ReleaseMetadata = {
  version: '1.3.0',
  files: [{ url: 'Ledgerline-1.3.0.deb', sha512: 'x', size: 10 }],
  releaseDate: '2026-12-01T10:00:00.000Z',
};

interface Answer {
  resolve(release: ReleaseMetadata | null): void;
  reject(error: Error): void;
}

/** An engine whose answers the test gives, one call at a time. */
function scriptedEngine() {
  const checks: { feedUrl: string; answer: Answer }[] = [];
  const engine = {
    check: vi.fn(
      (feedUrl: string) =>
        new Promise<ReleaseMetadata | null>((resolve, reject) => {
          checks.push({ feedUrl, answer: { resolve, reject } });
        }),
    ),
    download: vi.fn(async (onProgress: (percent: number) => void) => {
      onProgress(10.4);
      onProgress(10.9);
      onProgress(55);
      return '/cache/Ledgerline-1.3.0.deb';
    }),
    install: vi.fn(),
  } satisfies UpdateEngine;
  return { engine, checks };
}

function service(engine: UpdateEngine | null, settings = { ...DEFAULT_SETTINGS }) {
  const events: UpdatesView[] = [];
  const hub = createEventHub();
  hub.subscribe((name, payload) => {
    if (name === 'updates.changed') events.push(payload as UpdatesView);
  });
  const log = createLogger('updates-test', () => undefined);
  const updates = new UpdatesService({
    settings: { get: () => settings },
    engine,
    installedVersion: '1.2.0',
    releaseKeyFingerprint: 'abcd ef01',
    events: hub,
    log,
    now: () => 1_000,
  });
  return { updates, events, settings };
}

afterEach(() => vi.useRealTimers());

describe('UpdatesService', () => {
  it('says why a build without an engine does not update itself', () => {
    const { updates, events } = service(null);
    expect(updates.check()).toMatchObject({
      installedVersion: '1.2.0',
      status: { state: 'unavailable', reason: NO_SELF_UPDATE },
    });
    expect(() => updates.restart()).toThrow(ApiError);
    expect(events).toEqual([]);
  });

  it('checks the feed in the settings, downloads a verified release, and is ready to restart into it', async () => {
    const { engine, checks } = scriptedEngine();
    const { updates, events, settings } = service(engine);
    settings.updateFeedUrl = 'https://mirror.example/releases/';
    expect(updates.check().status).toEqual({ state: 'checking' });
    expect(updates.check().status).toEqual({ state: 'checking' });
    expect(checks.map((check) => check.feedUrl)).toEqual(['https://mirror.example/releases/']);
    expect(() => updates.restart()).toThrow(expect.objectContaining({ code: 'invalid_state' }));

    checks[0]?.answer.resolve(RELEASE);
    const view = await updates.settled();
    expect(view.status).toEqual({ state: 'ready', version: '1.3.0', releaseDate: RELEASE.releaseDate });
    expect(events.map(({ status }) => ('percent' in status ? status.percent : status.state))).toEqual([
      'checking',
      0,
      10,
      55,
      'ready',
    ]);
    expect(engine.install).not.toHaveBeenCalled();
    updates.restart();
    expect(engine.install).toHaveBeenCalledOnce();
  });

  it('is up to date when the engine finds nothing newer', async () => {
    const { engine, checks } = scriptedEngine();
    const { updates } = service(engine);
    updates.check();
    checks[0]?.answer.resolve(null);
    expect((await updates.settled()).status).toEqual({ state: 'up-to-date', checkedAt: 1_000 });
    expect(engine.download).not.toHaveBeenCalled();
  });

  it('shows a refusal as the engine worded it, with the version offered, and keeps restart refused', async () => {
    const { engine, checks } = scriptedEngine();
    const { updates } = service(engine);
    updates.check();
    checks[0]?.answer.reject(new UpdateRefusal('bad-signature', 'The signature does not match.', '1.3.0'));
    expect((await updates.settled()).status).toEqual({
      state: 'refused',
      code: 'bad-signature',
      version: '1.3.0',
      message: 'The signature does not match.',
      at: 1_000,
    });
    expect(() => updates.restart()).toThrow(ApiError);
    expect(engine.install).not.toHaveBeenCalled();
  });

  it('names the offered version of a refused download when the refusal has none', async () => {
    const { engine, checks } = scriptedEngine();
    engine.download.mockRejectedValueOnce(new UpdateRefusal('checksum', 'The file differs.'));
    const { updates } = service(engine);
    updates.check();
    checks[0]?.answer.resolve(RELEASE);
    expect((await updates.settled()).status).toMatchObject({
      state: 'refused',
      code: 'checksum',
      version: '1.3.0',
    });
  });

  it('reports any other failure in one bounded line, without the stack', async () => {
    const { engine, checks } = scriptedEngine();
    const { updates } = service(engine);
    updates.check();
    checks[0]?.answer.reject(
      new Error(`connect ECONNREFUSED 127.0.0.1:9\n    at TCPConnectWrap ${'x'.repeat(900)}`),
    );
    const { status } = await updates.settled();
    expect(status.state).toBe('failed');
    const message = status.state === 'failed' ? status.message : '';
    expect(message).toMatch(
      /^The update check did not finish \(connect ECONNREFUSED 127\.0\.0\.1:9\)\. .*1\.2\.0 keeps running/,
    );
    expect(message).not.toMatch(/TCPConnectWrap/);
  });

  it('checks by itself after start and then on its interval, only while automatic updates are on', async () => {
    vi.useFakeTimers();
    const { engine, checks } = scriptedEngine();
    const settings = { ...DEFAULT_SETTINGS, automaticUpdates: false };
    const { updates } = service(engine, settings);
    const every = 12 * 60 * 60 * 1000;
    updates.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(engine.check).not.toHaveBeenCalled();

    settings.automaticUpdates = true;
    await vi.advanceTimersByTimeAsync(every);
    expect(engine.check).toHaveBeenCalledOnce();
    checks[0]?.answer.resolve(null);
    await updates.settled();

    updates.stop();
    await vi.advanceTimersByTimeAsync(every * 2);
    expect(engine.check).toHaveBeenCalledOnce();
  });

  it('leaves a ready release alone on its interval, until the user restarts into it', async () => {
    vi.useFakeTimers();
    const { engine, checks } = scriptedEngine();
    const { updates } = service(engine);
    const every = 12 * 60 * 60 * 1000;
    updates.start();
    await vi.advanceTimersByTimeAsync(10_000);
    checks[0]?.answer.resolve(RELEASE);
    expect((await updates.settled()).status).toMatchObject({ state: 'ready', version: '1.3.0' });

    await vi.advanceTimersByTimeAsync(every * 2);
    expect(engine.check).toHaveBeenCalledOnce();
    expect(engine.download).toHaveBeenCalledOnce();
    expect(updates.view().status).toMatchObject({ state: 'ready', version: '1.3.0' });
    updates.stop();
  });
});
