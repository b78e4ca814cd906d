import { describe, expect, it } from 'vitest';
import { getJson, readBoundedBody } from './boundedHttp';

const tooLarge = () => new Error('too large');

/** A body streamed in chunks with no declared length, counting how many chunks were pulled. */
function streamed(chunks: string[]) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[pulled++];
      if (next === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(next));
    },
  });
  return { response: new Response(body), pulled: () => pulled };
}

describe('readBoundedBody', () => {
  it('reads a body within the limit, reporting progress', async () => {
    const seen: number[] = [];
    const { response } = streamed(['ab', 'cd']);
    expect(await readBoundedBody(response, 4, tooLarge, (bytes) => seen.push(bytes))).toBe('abcd');
    expect(seen).toEqual([2, 4]);
  });

  it('refuses a declared length over the limit before reading', async () => {
    const response = new Response('x'.repeat(10), { headers: { 'content-length': '10' } });
    await expect(readBoundedBody(response, 5, tooLarge)).rejects.toThrow('too large');
  });

  it('stops reading as soon as an undeclared body passes the limit', async () => {
    const { response, pulled } = streamed(['abc', 'def', 'ghi', 'jkl']);
    await expect(readBoundedBody(response, 5, tooLarge)).rejects.toThrow('too large');
    expect(pulled()).toBeLessThan(4);
  });
});

describe('getJson', () => {
  it('asks for JSON, refuses redirects, and passes the caller’s cancellation on', async () => {
    const seen: RequestInit[] = [];
    const fetcher = (async (_url: URL, init: RequestInit) => {
      seen.push(init);
      return new Response('{}');
    }) as typeof fetch;
    const controller = new AbortController();
    await getJson(fetcher, new URL('https://example.test/x'), 1_000, controller.signal);
    expect(seen[0]).toMatchObject({ headers: { accept: 'application/json' }, redirect: 'error' });
    controller.abort();
    expect(seen[0]?.signal?.aborted).toBe(true);
  });

  it('gives up after its timeout', async () => {
    const fetcher = ((_url: URL, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )) as typeof fetch;
    await expect(getJson(fetcher, new URL('https://example.test/x'), 20, undefined)).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });
});
