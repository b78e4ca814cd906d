import { readBoundedBody } from '../rpc/boundedHttp';

/** An answer to eth_chainId is a few dozen bytes; anything near this is not one. */
const MAX_ANSWER_BYTES = 4096;
export const PROBE_TIMEOUT_MS = 5000;

/**
 * The chain id an endpoint a site proposed says it serves, or null when it does not answer one within the
 * time, in a well-formed reply. Nothing else is sent to it, and a redirect is not followed.
 */
export async function probeChainId(
  fetcher: typeof fetch,
  url: string,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<number | null> {
  try {
    const response = await fetcher(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return null;
    }
    const text = await readBoundedBody(response, MAX_ANSWER_BYTES, () => new Error('answer too large'));
    const result = (JSON.parse(text) as { result?: unknown } | null)?.result;
    if (typeof result !== 'string' || !/^0x[0-9a-fA-F]{1,14}$/.test(result)) return null;
    const chainId = Number.parseInt(result, 16);
    return Number.isSafeInteger(chainId) && chainId > 0 ? chainId : null;
  } catch {
    return null;
  }
}
