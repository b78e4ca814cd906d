import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/shared/api/envelope';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { UpdateRefusalCode, UpdatesView } from '../../src/shared/updates';
import { createEventHub } from '../../src/main/api/events';
import { createLogger } from '../../src/main/log';
import { createUpdateEngine } from '../../src/main/updates/updateEngine';
import { UpdatesService } from '../../src/main/updates/updatesService';
import { blockOutboundNetwork, type NetworkGuard } from '../trezor/bridge/networkGuard';
import { createNodeUpdater, type NodeUpdaterSetup } from './nodeUpdater';
import { type FixtureRelease, type ThrowawayKey, throwawayKey, writeRelease } from './releaseFixtures';
import { type ReleaseServer, startReleaseServer } from './releaseServer';

const INSTALLED = '1.2.0';
const releaseKey = throwawayKey();
const otherKey = throwawayKey();

let server: ReleaseServer;
let guard: NetworkGuard;
let releases: string;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  guard = blockOutboundNetwork();
  server = await startReleaseServer();
  releases = await mkdtemp(join(tmpdir(), 'ledgerline-releases-'));
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

afterAll(async () => {
  await server?.close();
  guard?.restore();
  if (releases) await rm(releases, { recursive: true, force: true });
  // Every request of every scenario went to the release server on 127.0.0.1 and nowhere else.
  expect(guard.attempts).toEqual([]);
});

interface Installed {
  service: UpdatesService;
  setup: NodeUpdaterSetup;
  events: UpdatesView[];
}

/** Version 1.2.0 installed, trusting `releaseKey`, its feed at the release server, serving `release`. */
async function installedApp(scenario: string, release: FixtureRelease, trusting: ThrowawayKey = releaseKey) {
  const written = await writeRelease(join(releases, scenario), release);
  server.serve(written.dir);
  const setup = await createNodeUpdater(INSTALLED);
  cleanups.push(setup.cleanup);
  const log = createLogger('updates-test', () => undefined);
  const engine = createUpdateEngine(setup.updater, {
    publicKey: trusting.publicKey,
    installedVersion: INSTALLED,
    log,
  });
  const events: UpdatesView[] = [];
  // The real hub: it checks each payload against the contract, as it does before one reaches Settings.
  const hub = createEventHub();
  hub.subscribe((name, payload) => {
    if (name === 'updates.changed') events.push(payload as UpdatesView);
  });
  const service = new UpdatesService({
    settings: { get: () => ({ ...DEFAULT_SETTINGS, updateFeedUrl: server.url }) },
    engine,
    installedVersion: INSTALLED,
    releaseKeyFingerprint: 'test key',
    events: hub,
    log,
  });
  return { service, setup, events, written } satisfies Installed & Record<string, unknown>;
}

async function checked(service: UpdatesService): Promise<UpdatesView> {
  expect(service.check().status.state).toBe('checking');
  return service.settled();
}

/** What every refusal must leave: the reason in words, no restart, nothing installed, 1.2.0 running. */
function expectRefused(app: Installed, view: UpdatesView, code: UpdateRefusalCode, version: string | null) {
  expect(view.status).toMatchObject({ state: 'refused', code, version });
  expect(view.installedVersion).toBe(INSTALLED);
  expect(app.events.at(-1)).toEqual(view);
  expect(() => app.service.restart()).toThrow(ApiError);
  expect(app.setup.updater.installed).toEqual([]);
  expect(app.setup.updater.appAdapter.quits).toBe(0);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('updates from a release feed on 127.0.0.1', () => {
  it('downloads a signed, newer release, and installs it only when the user restarts', async () => {
    const app = await installedApp('signed', { version: '1.3.0', signedBy: releaseKey });
    const view = await checked(app.service);
    expect(view.status).toEqual({
      state: 'ready',
      version: '1.3.0',
      releaseDate: '2026-12-01T10:00:00.000Z',
    });
    expect(app.events.map((event) => event.status.state)).toEqual(
      expect.arrayContaining(['checking', 'downloading', 'ready']),
    );
    expect(app.setup.updater.installed).toEqual([]);

    app.service.restart();
    const [installer] = app.setup.updater.installed;
    expect(installer).toBeDefined();
    const bytes = await readFile(installer ?? '');
    expect(createHash('sha512').update(bytes).digest('base64')).toBe(
      createHash('sha512').update(app.written.signedBytes).digest('base64'),
    );
  });

  it('refuses unsigned metadata and downloads nothing', async () => {
    const app = await installedApp('unsigned', { version: '1.3.0', signedBy: null });
    const view = await checked(app.service);
    expectRefused(app, view, 'unsigned', null);
    expect(view.status).toMatchObject({ message: expect.stringMatching(/not signed/) });
    expect(server.requests).not.toContain(app.written.artifact);
  });

  it('refuses a release whose file is not the one its signed metadata names, and keeps no file', async () => {
    const app = await installedApp('tampered-artifact', {
      version: '1.3.0',
      signedBy: releaseKey,
      tamper: 'artifact',
    });
    const view = await checked(app.service);
    expectRefused(app, view, 'checksum', '1.3.0');
    expect(server.requests).toContain(app.written.artifact);
    expect(await filesUnder(app.setup.cacheDir)).not.toContainEqual(expect.stringMatching(/\.deb$/));
  });

  it('refuses metadata signed with another key', async () => {
    const app = await installedApp('wrong-key', { version: '1.3.0', signedBy: otherKey });
    expectRefused(app, await checked(app.service), 'bad-signature', null);
  });

  it('refuses metadata changed after it was signed', async () => {
    const app = await installedApp('tampered-metadata', {
      version: '1.3.0',
      signedBy: releaseKey,
      tamper: 'metadata',
    });
    expectRefused(app, await checked(app.service), 'bad-signature', null);
    expect(server.requests).not.toContain(app.written.artifact);
  });

  it('refuses a signed downgrade', async () => {
    const app = await installedApp('downgrade', { version: '1.1.0', signedBy: releaseKey });
    const view = await checked(app.service);
    expectRefused(app, view, 'not-newer', '1.1.0');
    expect(view.status).toMatchObject({
      message: expect.stringMatching(/not newer than the installed 1\.2\.0/),
    });
  });

  it('refuses an old signed release served again', async () => {
    const app = await installedApp('replayed', { version: '1.0.0', signedBy: releaseKey });
    expectRefused(app, await checked(app.service), 'not-newer', '1.0.0');
  });

  it('reports the installed release served again as up to date, installing nothing', async () => {
    const app = await installedApp('current', { version: INSTALLED, signedBy: releaseKey });
    const view = await checked(app.service);
    expect(view.status).toMatchObject({ state: 'up-to-date' });
    expect(() => app.service.restart()).toThrow(ApiError);
    expect(app.setup.updater.installed).toEqual([]);
  });
});
