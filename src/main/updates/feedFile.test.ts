import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeNetExecutor } from '../../../test/updates/nodeUpdater';
import { type ReleaseServer, startReleaseServer } from '../../../test/updates/releaseServer';
import { readFeedFile } from './feedFile';

const executor = new NodeNetExecutor();
let server: ReleaseServer;
let dir: string;
const bytes = randomBytes(300);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledgerline-feed-'));
  await writeFile(join(dir, 'latest-linux.yml'), bytes);
  server = await startReleaseServer();
  server.serve(dir);
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('readFeedFile', () => {
  it('reads the exact bytes of a feed file', async () => {
    const read = await readFeedFile(executor, new URL('latest-linux.yml?noCache=1', server.url), 1024);
    expect(Buffer.from(read ?? [])).toEqual(bytes);
  });

  it('answers null for a file the feed does not have', async () => {
    await expect(
      readFeedFile(executor, new URL('latest-linux.yml.sig', server.url), 1024),
    ).resolves.toBeNull();
  });

  it('stops reading a file larger than the bound', async () => {
    await expect(readFeedFile(executor, new URL('latest-linux.yml', server.url), 299)).rejects.toThrow(
      'latest-linux.yml on the release feed is larger than 299 bytes',
    );
  });

  it('gives up on a feed that does not finish in time', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const url = new URL(`http://127.0.0.1:${port}/feed/latest-linux.yml`);
      await expect(readFeedFile(executor, url, 1024, 200)).rejects.toThrow(
        'the release feed did not send latest-linux.yml within 0.2 s',
      );
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('fails when the feed cannot be reached', async () => {
    const closed = await startReleaseServer();
    await closed.close();
    await expect(readFeedFile(executor, new URL('latest-linux.yml', closed.url), 1024)).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});
