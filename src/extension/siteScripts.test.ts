import { describe, expect, it } from 'vitest';
import {
  matchPatternFor,
  syncWindowEthereum,
  WINDOW_ETHEREUM_SCRIPT,
  type ScriptingApi,
} from './siteScripts';

/** chrome.scripting's registry of dynamic content scripts, in memory. */
function fakeScripting() {
  const scripts = new Map<string, chrome.scripting.RegisteredContentScript>();
  const api: ScriptingApi = {
    getRegisteredContentScripts: async ({ ids }) => ids.filter((id) => scripts.has(id)).map((id) => ({ id })),
    registerContentScripts: async (list) => {
      for (const script of list) {
        if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        scripts.set(script.id, script);
      }
    },
    updateContentScripts: async (list) => {
      for (const script of list) scripts.set(script.id, { ...scripts.get(script.id), ...script });
    },
    unregisterContentScripts: async ({ ids }) => ids.forEach((id) => scripts.delete(id)),
  };
  return { api, scripts };
}

describe('window.ethereum sites', () => {
  it('writes one match pattern per origin, port included', () => {
    expect(matchPatternFor('https://app.example.org')).toBe('https://app.example.org:443/*');
    expect(matchPatternFor('https://app.example.org:8443')).toBe('https://app.example.org:8443/*');
    expect(matchPatternFor('http://localhost:5173')).toBe('http://localhost:5173/*');
    expect(matchPatternFor('http://127.0.0.1')).toBe('http://127.0.0.1:80/*');
  });

  it('has no pattern for what is not an origin the provider script runs on', () => {
    for (const origin of [
      'http://example.org',
      'http://[::1]:3000',
      'https://*.example.org',
      'https://a.org/*',
      '<all_urls>',
    ]) {
      expect(matchPatternFor(origin)).toBeNull();
    }
  });

  it('registers the main-world script for exactly the listed sites, then replaces and removes it', async () => {
    const { api, scripts } = fakeScripting();
    await syncWindowEthereum(api, [
      'https://b.example',
      'https://a.example',
      'https://a.example',
      'http://evil.example',
      7,
    ]);
    expect(scripts.get(WINDOW_ETHEREUM_SCRIPT)).toEqual({
      id: WINDOW_ETHEREUM_SCRIPT,
      js: ['ethereum.js'],
      matches: ['https://a.example:443/*', 'https://b.example:443/*'],
      world: 'MAIN',
      runAt: 'document_start',
      allFrames: true,
      persistAcrossSessions: true,
    });
    await syncWindowEthereum(api, ['http://localhost:3000']);
    expect(scripts.get(WINDOW_ETHEREUM_SCRIPT)?.matches).toEqual(['http://localhost:3000/*']);
    await syncWindowEthereum(api, []);
    expect(scripts.size).toBe(0);
    await expect(syncWindowEthereum(api, [])).resolves.toEqual([]);
  });
});
