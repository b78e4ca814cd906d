import { describe, expect, it } from 'vitest';
import { BRIDGE_PROTOCOL } from '../../shared/api/bridge';
import { createLaunchSecret, verifyUpgrade } from './bridgeAuth';

const origin = 'http://127.0.0.1:4100';
const secret = createLaunchSecret();
const good = { host: '127.0.0.1:4100', origin, protocols: [BRIDGE_PROTOCOL, `auth.${secret}`] };

describe('verifyUpgrade', () => {
  it('accepts the host’s own page with the launch secret', () => {
    expect(verifyUpgrade(good, { origin, secret })).toEqual({ ok: true });
  });

  it.each([
    ['a rebinding Host', { ...good, host: 'evil.example:4100' }, 403],
    ['another origin', { ...good, origin: 'http://127.0.0.1:5000' }, 403],
    ['no origin', { ...good, origin: undefined }, 403],
    ['no secret', { ...good, protocols: [BRIDGE_PROTOCOL] }, 401],
    ['a wrong secret', { ...good, protocols: [BRIDGE_PROTOCOL, `auth.${createLaunchSecret()}`] }, 401],
    ['a truncated secret', { ...good, protocols: [BRIDGE_PROTOCOL, `auth.${secret.slice(1)}`] }, 401],
    ['no bridge protocol', { ...good, protocols: [`auth.${secret}`] }, 403],
  ])('refuses %s', (_, request, status) => {
    expect(verifyUpgrade(request, { origin, secret })).toMatchObject({ ok: false, status });
  });

  it('makes a fresh 256-bit secret per launch', () => {
    const a = createLaunchSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(createLaunchSecret());
  });
});
