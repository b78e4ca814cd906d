import type { browserSites } from './browserSites';
import { tabOrigin } from './browserSites';

type BrowserSites = Pick<ReturnType<typeof browserSites>, 'list' | 'set'>;

function element<T extends HTMLElement>(doc: Document, id: string): T {
  const found = doc.getElementById(id);
  if (!found) throw new Error(`pair.html has no #${id}`);
  return found as T;
}

/**
 * The page's window.ethereum section: the switch for the site the toolbar button was pressed on (its origin
 * in the page's fragment, written by the worker from the tab), and every site turned on here, each with
 * Turn off. The worker hears the storage change and updates the script's sites.
 */
export async function startSitesSection(doc: Document, sites: BrowserSites, hash: string): Promise<void> {
  const here = element(doc, 'this-site');
  const toggle = element<HTMLInputElement>(doc, 'this-site-on');
  const label = element(doc, 'this-site-label');
  const list = element<HTMLUListElement>(doc, 'site-list');
  const note = element(doc, 'sites-note');
  const origin = tabOrigin(decodeURIComponent(new URLSearchParams(hash.slice(1)).get('site') ?? ''));

  const show = (origins: string[]) => {
    toggle.checked = origin !== null && origins.includes(origin);
    list.replaceChildren(
      ...origins.map((site) => {
        const item = doc.createElement('li');
        const name = doc.createElement('span');
        name.className = 'site-list__origin';
        name.textContent = site;
        const off = doc.createElement('button');
        off.type = 'button';
        off.className = 'button';
        off.textContent = 'Turn off';
        off.setAttribute('aria-label', `Turn off window.ethereum on ${site}`);
        off.addEventListener('click', () => void change(site, false));
        item.append(name, off);
        return item;
      }),
    );
  };
  const change = async (site: string, on: boolean) => {
    show(await sites.set(site, on));
    note.textContent = `${on ? 'On' : 'Off'} for ${site}. Reload the site for it to take effect.`;
  };

  if (origin) {
    here.hidden = false;
    label.textContent = `Also appear as window.ethereum on ${origin}`;
    toggle.addEventListener('change', () => void change(origin, toggle.checked));
  }
  show(await sites.list());
}
