/**
 * A GET for JSON that gives up after `timeoutMs` or when `signal` aborts, and never follows a redirect, which
 * could carry the request (and any key in it) to a host the user never agreed to tell.
 */
export function getJson(
  fetcher: typeof fetch,
  url: URL,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const timeout = AbortSignal.timeout(timeoutMs);
  return fetcher(url, {
    headers: { accept: 'application/json' },
    redirect: 'error',
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
}

/**
 * A response body read in full, but never past `limit` bytes: a declared length over it is refused before
 * anything is read, and an undeclared one is cut off as soon as it passes. `tooLarge` makes the caller's
 * error; `progress` hears the bytes read so far.
 */
export async function readBoundedBody(
  response: Response,
  limit: number,
  tooLarge: () => Error,
  progress: (bytes: number) => void = () => {},
): Promise<string> {
  if (Number(response.headers.get('content-length')) > limit) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.byteLength;
    progress(total);
    if (total > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
