import { describe, expect, it } from 'vitest';
import { browserSites, tabOrigin } from './browserSites';

function memoryArea() {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (key: string) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (values: Record<string, unknown>) =>
      Object.entries(values).forEach(([key, value]) => items.set(key, structuredClone(value))),
  };
}

describe('browserSites', () => {
  it('keeps the sites turned on here, once each, and drops one turned off', async () => {
    const sites = browserSites(memoryArea());
    await sites.set('https://legacy.example', true);
    await sites.set('http://localhost:3000', true);
    await expect(sites.set('https://legacy.example', true)).resolves.toEqual([
      'http://localhost:3000',
      'https://legacy.example',
    ]);
    await expect(sites.set('http://localhost:3000', false)).resolves.toEqual(['https://legacy.example']);
    await expect(sites.list()).resolves.toEqual(['https://legacy.example']);
  });

  it('refuses an origin the provider does not run on, and reads a tampered list as what it can serve', async () => {
    const area = memoryArea();
    const sites = browserSites(area);
    await expect(sites.set('http://192.168.1.5', true)).rejects.toThrow('not a site the provider runs on');
    await expect(sites.set('https://a.example/path', true)).rejects.toThrow();
    area.items.set(sites.key, ['https://ok.example', 42, 'javascript:alert(1)', 'http://evil.example']);
    await expect(sites.list()).resolves.toEqual(['https://ok.example']);
    area.items.set(sites.key, 'not a list');
    await expect(sites.list()).resolves.toEqual([]);
  });
});

describe('tabOrigin', () => {
  it('is the origin of a tab the provider runs on, else null', () => {
    expect(tabOrigin('https://app.example.org/swap?x=1#top')).toBe('https://app.example.org');
    expect(tabOrigin('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
    expect(tabOrigin('http://example.org/')).toBeNull();
    expect(tabOrigin('chrome://extensions/')).toBeNull();
    expect(tabOrigin('not a url')).toBeNull();
    expect(tabOrigin(undefined)).toBeNull();
  });
});
