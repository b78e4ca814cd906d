import type { RequestOptions } from 'node:http';

/** What a feed read needs of electron-updater's HTTP executor (Electron's `net` in the app, Node's in tests). */
export interface FeedRequester {
  createRequest(options: RequestOptions, callback: (response: FeedResponse) => void): FeedRequest;
  addErrorAndTimeoutHandlers(request: FeedRequest, reject: (error: Error) => void, timeout?: number): void;
}

interface FeedRequest {
  abort(): void;
  end(): void;
}

interface FeedResponse {
  statusCode?: number;
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end' | 'aborted', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}

/** For the whole read: a feed that sends a byte now and then must not hold a check open for ever. */
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Reads one small file of the release feed as bytes (a signature covers bytes, not decoded text), refusing
 * to hold more than `maxBytes` of it: the feed is hostile until its signature is checked, and electron-updater's
 * own `request()` keeps whatever the server sends. Resolves null for 404, the feed's way to say "no such file".
 */
export function readFeedFile(
  requester: FeedRequester,
  url: URL,
  maxBytes: number,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<Uint8Array | null> {
  return new Promise((settleOk, settleFailed) => {
    const deadline = setTimeout(() => {
      request.abort();
      reject(new Error(`the release feed did not send ${fileOf(url)} within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const resolve = (bytes: Uint8Array | null) => {
      clearTimeout(deadline);
      settleOk(bytes);
    };
    const reject = (error: Error) => {
      clearTimeout(deadline);
      settleFailed(error);
    };
    const options: RequestOptions = {
      protocol: url.protocol,
      hostname: url.hostname,
      path: url.pathname + url.search,
      headers: { accept: '*/*', 'cache-control': 'no-cache' },
      ...(url.port ? { port: url.port } : {}),
    };
    const request = requester.createRequest(options, (response) => {
      const status = response.statusCode ?? 0;
      if (status === 404) {
        request.abort();
        resolve(null);
        return;
      }
      if (status < 200 || status > 299) {
        request.abort();
        reject(new Error(`the release feed answered HTTP ${status} for ${fileOf(url)}`));
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk) => {
        received += chunk.length;
        if (received > maxBytes) {
          request.abort();
          reject(new Error(`${fileOf(url)} on the release feed is larger than ${maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', reject);
      response.on('aborted', () => reject(new Error(`the release feed stopped sending ${fileOf(url)}`)));
      response.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
    requester.addErrorAndTimeoutHandlers(request, reject, timeoutMs);
    request.end();
  });
}

const fileOf = (url: URL) => decodeURIComponent(url.pathname.split('/').pop() ?? url.pathname);
