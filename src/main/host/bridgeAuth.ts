import { randomBytes, timingSafeEqual } from 'node:crypto';
import { BRIDGE_AUTH_PREFIX, BRIDGE_PROTOCOL } from '../../shared/api/bridge';

export function createLaunchSecret(): string {
  return randomBytes(32).toString('base64url');
}

export type UpgradeVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export interface UpgradeRequest {
  host: string | undefined;
  origin: string | undefined;
  protocols: readonly string[];
}

/**
 * Decides whether a WebSocket upgrade may reach the router. The Host check defeats DNS rebinding, the Origin
 * check stops other pages in the same browser, and the secret stops other local processes and users.
 */
export function verifyUpgrade(
  request: UpgradeRequest,
  expected: { origin: string; secret: string },
): UpgradeVerdict {
  const expectedHost = new URL(expected.origin).host;
  if (request.host !== expectedHost) return { ok: false, status: 403, reason: 'unexpected Host header' };
  if (request.origin !== expected.origin) return { ok: false, status: 403, reason: 'foreign Origin' };
  if (!request.protocols.includes(BRIDGE_PROTOCOL))
    return { ok: false, status: 403, reason: 'missing bridge protocol' };
  const offered = request.protocols.find((p) => p.startsWith(BRIDGE_AUTH_PREFIX));
  if (!offered || !secretsMatch(offered.slice(BRIDGE_AUTH_PREFIX.length), expected.secret)) {
    return { ok: false, status: 401, reason: 'missing or wrong launch secret' };
  }
  return { ok: true };
}

function secretsMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
