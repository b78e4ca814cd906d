import { describe, expect, it } from 'vitest';
import { announceProvider, ledgerlineInfo, type ProviderInfo } from './announce';

type Announcement = CustomEvent<{ info: ProviderInfo; provider: object }>;

function announcementsOn(target: EventTarget): Announcement[] {
  const seen: Announcement[] = [];
  target.addEventListener('eip6963:announceProvider', (event) => seen.push(event as Announcement));
  return seen;
}

describe('EIP-6963 announcement', () => {
  it('announces at once and again on every requestProvider, with the same frozen detail', () => {
    const page = new EventTarget();
    const seen = announcementsOn(page);
    const provider = { request: () => undefined };
    announceProvider(page, ledgerlineInfo(), provider);
    page.dispatchEvent(new Event('eip6963:requestProvider'));
    expect(seen).toHaveLength(2);
    const [first, second] = seen.map((event) => event.detail);
    expect(first).toBe(second);
    expect(first?.provider).toBe(provider);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.info)).toBe(true);
  });

  it("names the wallet with a per-load v4 uuid, an SVG data URI icon and the wallet's rdns", () => {
    const info = ledgerlineInfo();
    expect(info.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ledgerlineInfo().uuid).not.toBe(info.uuid);
    expect(info.name).toBe('Ledgerline');
    expect(info.rdns).toBe('app.ledgerline');
    const [prefix, data] = info.icon.split(',');
    expect(prefix).toBe('data:image/svg+xml;base64');
    const svg = atob(data ?? '');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="96" height="96"/);
  });

  it('keeps what one page listener does to the detail from reaching the next', () => {
    const page = new EventTarget();
    page.addEventListener('eip6963:announceProvider', (event) => {
      const { detail } = event as Announcement;
      expect(() => Object.assign(detail.info, { name: 'Evil' })).toThrow(TypeError);
    });
    const seen = announcementsOn(page);
    announceProvider(page, ledgerlineInfo(), {});
    expect(seen[0]?.detail.info.name).toBe('Ledgerline');
  });
});
