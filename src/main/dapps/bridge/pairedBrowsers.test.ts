import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../../test/store/tempDatabase';
import { memorySecrets } from '../../../../test/vault/memorySecrets';
import { PairedBrowsers } from './pairedBrowsers';
import { PairedBrowsersRepository } from './pairedBrowsersRepository';

const temp = useTempDatabase('paired-browsers-');
const browser = {
  id: 'ab'.repeat(16),
  browserKey: 'cd'.repeat(32),
  name: 'Chromium on Linux',
  resumePsk: new Uint8Array(32).fill(7),
};

function setup(now = () => 1000) {
  const vault = memorySecrets();
  const repository = new PairedBrowsersRepository(temp.db);
  return { vault, repository, browsers: new PairedBrowsers(repository, vault, now) };
}

describe('paired browsers', () => {
  it('keep the row in the store and the resume key in the vault, never in the table', async () => {
    const { vault, repository, browsers } = setup();
    await browsers.add(browser);
    expect(repository.get(browser.id)).toEqual({
      id: browser.id,
      browserKey: browser.browserKey,
      name: browser.name,
      pairedAt: 1000,
      lastSeenAt: 1000,
    });
    expect(vault.names()).toEqual([`bridge.resume.${browser.id}`]);
    expect(await browsers.resumePsk(browser.id)).toEqual(browser.resumePsk);
    expect(JSON.stringify(temp.db.prepare('SELECT * FROM paired_browsers').all())).not.toContain('0707');
  });

  it('lists with online state and last seen, and forgets both halves on remove', async () => {
    let now = 1000;
    const { vault, browsers } = setup(() => now);
    await browsers.add(browser);
    now = 5000;
    browsers.seen(browser.id);
    expect(browsers.views((id) => id === browser.id)).toEqual([
      { id: browser.id, name: browser.name, pairedAt: 1000, lastSeenAt: 5000, online: true },
    ]);
    expect(browsers.remove(browser.id)).toBe(true);
    expect(browsers.remove(browser.id)).toBe(false);
    expect(browsers.get(browser.id)).toBeUndefined();
    expect(vault.names()).toEqual([]);
    expect(await browsers.resumePsk(browser.id)).toBeNull();
  });

  it('takes the resume key back out of the vault when the store refuses the browser', async () => {
    const { vault, browsers } = setup();
    await browsers.add(browser);
    const sameKey = { ...browser, id: 'ef'.repeat(16) };
    await expect(browsers.add(sameKey)).rejects.toThrow();
    expect(vault.names()).toEqual([`bridge.resume.${browser.id}`]);
  });
});
