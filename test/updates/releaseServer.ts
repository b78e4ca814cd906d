import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** A release feed on 127.0.0.1, serving one scenario's directory at a time. */
export interface ReleaseServer {
  /** The feed's address, a folder below the root so the base path is exercised: http://127.0.0.1:<port>/feed/ */
  readonly url: string;
  /** The file names asked for since the last `serve`, in order, without the cache-busting query. */
  readonly requests: string[];
  /** Serves `dir` from now on (one scenario's release). */
  serve(dir: string): void;
  close(): Promise<void>;
}

const FEED_PATH = '/feed/';
/** Fixture releases are a few KiB; anything larger is a mistake in the test, not something to stream. */
const MAX_FILE_BYTES = 1024 * 1024;
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export async function startReleaseServer(): Promise<ReleaseServer> {
  let dir: string | null = null;
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const name = pathname.startsWith(FEED_PATH) ? decodeURIComponent(pathname.slice(FEED_PATH.length)) : '';
    requests.push(name);
    if (request.method !== 'GET' || dir === null || !PLAIN_NAME.test(name) || name.includes('..')) {
      response.writeHead(404).end();
      return;
    }
    const file = join(dir, name);
    stat(file).then(
      (info) => {
        if (!info.isFile() || info.size > MAX_FILE_BYTES) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, { 'content-length': info.size, 'content-type': 'application/octet-stream' });
        createReadStream(file).pipe(response);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${FEED_PATH}`,
    requests,
    serve(next) {
      dir = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
