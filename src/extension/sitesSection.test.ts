// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import html from './pair.html?raw';
import { startSitesSection } from './sitesSection';

function sitesDouble(initial: string[] = []) {
  let origins = [...initial];
  return {
    list: async () => [...origins],
    set: async (origin: string, on: boolean) => {
      origins = on
        ? [...origins.filter((site) => site !== origin), origin]
        : origins.filter((s) => s !== origin);
      return [...origins];
    },
    now: () => origins,
  };
}

const toggle = () => document.getElementById('this-site-on') as HTMLInputElement;
const listed = () => [...document.querySelectorAll('#site-list li span')].map((item) => item.textContent);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the window.ethereum section', () => {
  beforeEach(() => {
    document.body.innerHTML = html.slice(html.indexOf('<main'), html.indexOf('</main>') + '</main>'.length);
  });

  it('turns window.ethereum on and off for the site the toolbar button was pressed on', async () => {
    const sites = sitesDouble(['https://other.example']);
    await startSitesSection(document, sites, `#site=${encodeURIComponent('https://legacy.example')}`);
    expect((document.getElementById('this-site') as HTMLElement).hidden).toBe(false);
    expect(document.getElementById('this-site-label')?.textContent).toBe(
      'Also appear as window.ethereum on https://legacy.example',
    );
    expect(toggle().checked).toBe(false);
    toggle().click();
    await settle();
    expect(sites.now()).toEqual(['https://other.example', 'https://legacy.example']);
    expect(listed()).toEqual(['https://other.example', 'https://legacy.example']);
    expect(document.getElementById('sites-note')?.textContent).toContain('Reload the site');
    toggle().click();
    await settle();
    expect(sites.now()).toEqual(['https://other.example']);
  });

  it('shows no switch without a site the provider runs on, and turns a listed site off', async () => {
    const sites = sitesDouble(['https://other.example']);
    await startSitesSection(document, sites, `#site=${encodeURIComponent('http://192.168.1.5')}`);
    expect((document.getElementById('this-site') as HTMLElement).hidden).toBe(true);
    const off = document.querySelector(
      'button[aria-label="Turn off window.ethereum on https://other.example"]',
    );
    (off as HTMLButtonElement).click();
    await settle();
    expect(sites.now()).toEqual([]);
    expect(listed()).toEqual([]);
  });
});
