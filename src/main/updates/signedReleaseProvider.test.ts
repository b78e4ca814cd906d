import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type NodeUpdaterSetup, NodeNetExecutor, createNodeUpdater } from '../../../test/updates/nodeUpdater';
import { linuxChannelFile, throwawayKey, writeRelease } from '../../../test/updates/releaseFixtures';
import { type ReleaseServer, startReleaseServer } from '../../../test/updates/releaseServer';
import { SignedReleaseProvider, signedFeed, verifiedRelease } from './signedReleaseProvider';
import { UpdateRefusal } from './updateRefusal';

const key = throwawayKey();
let server: ReleaseServer;
let releases: string;
let setup: NodeUpdaterSetup;

beforeAll(async () => {
  server = await startReleaseServer();
  releases = await mkdtemp(join(tmpdir(), 'ledgerline-provider-'));
  setup = await createNodeUpdater('1.2.0');
});

afterEach(() => server.serve(releases));

afterAll(async () => {
  await server?.close();
  await setup?.cleanup();
  if (releases) await rm(releases, { recursive: true, force: true });
});

function provider(url = server.url) {
  const trust = { publicKey: key.publicKey, installedVersion: '1.2.0' };
  const runtime = {
    isUseMultipleRangeRequest: false,
    platform: 'linux' as const,
    executor: new NodeNetExecutor(),
  };
  return new SignedReleaseProvider(signedFeed(url, trust), setup.updater, runtime);
}

describe('SignedReleaseProvider', () => {
  it('returns the release built from the verified metadata, reading only the channel file and its signature', async () => {
    const written = await writeRelease(join(releases, 'signed'), { version: '1.3.0', signedBy: key });
    server.serve(written.dir);
    const info = await provider().getLatestVersion();
    const release = verifiedRelease(info);
    expect(release).toMatchObject({ version: '1.3.0', releaseDate: '2026-12-01T10:00:00.000Z' });
    expect(info).toMatchObject({
      version: '1.3.0',
      path: written.artifact,
      sha512: release?.files[0]?.sha512,
    });
    expect(info.files).toEqual([{ url: written.artifact, sha512: release?.files[0]?.sha512, size: 4096 }]);
    expect(server.requests).toEqual([linuxChannelFile(), `${linuxChannelFile()}.sig`]);
  });

  it('resolves the files below the feed, with or without its trailing slash', async () => {
    const written = await writeRelease(join(releases, 'resolve'), { version: '1.3.0', signedBy: key });
    server.serve(written.dir);
    const bare = provider(server.url.replace(/\/$/, ''));
    const [file] = bare.resolveFiles(await bare.getLatestVersion());
    expect(file?.url.href).toBe(`${server.url}${written.artifact}`);
  });

  it('refuses metadata without a signature', async () => {
    server.serve((await writeRelease(join(releases, 'unsigned'), { version: '1.3.0', signedBy: null })).dir);
    const refused = await provider()
      .getLatestVersion()
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UpdateRefusal);
    expect(refused).toMatchObject({ code: 'unsigned' });
  });

  it('says so when the feed has no channel file', async () => {
    server.serve(join(releases, 'empty'));
    await expect(provider().getLatestVersion()).rejects.toThrow(
      `the release feed has no ${linuxChannelFile()}`,
    );
  });

  it('knows no release it did not verify', () => {
    expect(
      verifiedRelease({ version: '9.9.9', files: [], path: 'x.deb', sha512: 'x', releaseDate: '' }),
    ).toBeNull();
  });
});
