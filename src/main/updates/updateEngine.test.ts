import { randomBytes } from 'node:crypto';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type NodeUpdaterSetup, createNodeUpdater } from '../../../test/updates/nodeUpdater';
import { throwawayKey, writeRelease } from '../../../test/updates/releaseFixtures';
import { type ReleaseServer, startReleaseServer } from '../../../test/updates/releaseServer';
import { createLogger } from '../log';
import { createUpdateEngine } from './updateEngine';

const key = throwawayKey();
let server: ReleaseServer;
let releases: string;
const setups: NodeUpdaterSetup[] = [];

beforeAll(async () => {
  server = await startReleaseServer();
  releases = await mkdtemp(join(tmpdir(), 'ledgerline-engine-'));
});

afterEach(async () => {
  for (const setup of setups.splice(0)) await setup.cleanup();
});

afterAll(async () => {
  await server?.close();
  if (releases) await rm(releases, { recursive: true, force: true });
});

async function engineFor(installedVersion: string) {
  const setup = await createNodeUpdater(installedVersion);
  setups.push(setup);
  const lines: string[] = [];
  const log = createLogger('updates-test', (line) => lines.push(line));
  const engine = createUpdateEngine(setup.updater, { publicKey: key.publicKey, installedVersion, log });
  return { engine, updater: setup.updater, lines };
}

describe('createUpdateEngine', () => {
  it('leaves every step to the service and the user, and logs to our log', async () => {
    const { engine, updater, lines } = await engineFor('1.2.0');
    expect(updater).toMatchObject({
      autoDownload: false,
      autoInstallOnAppQuit: false,
      allowDowngrade: false,
      allowPrerelease: false,
      disableDifferentialDownload: true,
      disableWebInstaller: true,
    });
    server.serve((await writeRelease(join(releases, 'logged'), { version: '1.3.0', signedBy: key })).dir);
    await engine.check(server.url);
    expect(lines.some((line) => JSON.parse(line).message === 'updater')).toBe(true);
  });

  it('offers pre-releases only to a pre-release install', async () => {
    expect((await engineFor('1.3.0-beta.1')).updater.allowPrerelease).toBe(true);
  });

  it('downloads nothing before a verified check', async () => {
    const { engine } = await engineFor('1.2.0');
    await expect(engine.download(() => undefined)).rejects.toThrow(
      'there is no verified release to download',
    );
  });

  it('checks a file electron-updater reuses from its cache again, and deletes it when it changed', async () => {
    const { engine } = await engineFor('1.2.0');
    server.serve((await writeRelease(join(releases, 'cached'), { version: '1.3.0', signedBy: key })).dir);
    await engine.check(server.url);
    const file = await engine.download(() => undefined);
    await writeFile(file, randomBytes(4096));

    await engine.check(server.url);
    const refused = await engine.download(() => undefined).catch((error: unknown) => error);
    expect(refused).toMatchObject({ name: 'UpdateRefusal', code: 'checksum' });
    await expect(access(file)).rejects.toThrow(/ENOENT/);
  });
});
