import { SiteOrigin } from '../shared/dapps';

/** The part of `chrome.scripting` the sync uses. */
export interface ScriptingApi {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ id: string }[]>;
  registerContentScripts(scripts: chrome.scripting.RegisteredContentScript[]): Promise<void>;
  updateContentScripts(scripts: chrome.scripting.RegisteredContentScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

export const WINDOW_ETHEREUM_SCRIPT = 'ledgerline-window-ethereum';
/** Origins the desktop may list; the site list in the app holds far fewer. */
const MAX_SITES = 500;

/**
 * The match pattern for exactly one origin, or null for one the provider script does not run on (it runs on
 * https sites, `http://localhost` and `http://127.0.0.1`). An origin without a port names the host on its
 * default port; Chrome reads a pattern without a port as any port, so the default port is written out.
 */
export function matchPatternFor(origin: string): string | null {
  if (!SiteOrigin.safeParse(origin).success) return null;
  const url = new URL(origin);
  if (url.protocol === 'http:' && url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') return null;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.protocol}//${url.hostname}:${port}/*`;
}

/**
 * Registers the `window.ethereum` script (ethereum.js) for exactly the listed origins, replacing the last
 * list, or removes it when the list is empty. The list comes from the desktop; anything that is not a site
 * origin is dropped.
 */
export async function syncWindowEthereum(
  scripting: ScriptingApi,
  origins: readonly unknown[],
): Promise<string[]> {
  const matches = [
    ...new Set(
      origins
        .slice(0, MAX_SITES)
        .map((origin) => (typeof origin === 'string' ? matchPatternFor(origin) : null))
        .filter((pattern) => pattern !== null),
    ),
  ].sort();
  const registered = await scripting.getRegisteredContentScripts({ ids: [WINDOW_ETHEREUM_SCRIPT] });
  if (matches.length === 0) {
    if (registered.length > 0) await scripting.unregisterContentScripts({ ids: [WINDOW_ETHEREUM_SCRIPT] });
    return matches;
  }
  const script: chrome.scripting.RegisteredContentScript = {
    id: WINDOW_ETHEREUM_SCRIPT,
    js: ['ethereum.js'],
    matches,
    world: 'MAIN',
    runAt: 'document_start',
    allFrames: true,
    persistAcrossSessions: true,
  };
  if (registered.length > 0) await scripting.updateContentScripts([script]);
  else await scripting.registerContentScripts([script]);
  return matches;
}
