import type { PairedBrowserView } from '../../../shared/dapps';
import type { Vault } from '../../vault/vault';
import type { PairedBrowser, PairedBrowsersRepository } from './pairedBrowsersRepository';

const resumeKeyName = (id: string) => `bridge.resume.${id}`;

export interface NewBrowser {
  id: string;
  browserKey: string;
  name: string;
  resumePsk: Uint8Array;
}

/** Paired browsers: the row in the store and the resume key in the vault come and go together. */
export class PairedBrowsers {
  constructor(
    private readonly repository: PairedBrowsersRepository,
    private readonly vault: Pick<Vault, 'get' | 'put' | 'delete'>,
    private readonly now: () => number,
  ) {}

  async add(browser: NewBrowser): Promise<void> {
    await this.vault.put(resumeKeyName(browser.id), browser.resumePsk);
    const at = this.now();
    try {
      this.repository.add({
        id: browser.id,
        browserKey: browser.browserKey,
        name: browser.name,
        pairedAt: at,
        lastSeenAt: at,
      });
    } catch (error) {
      this.vault.delete(resumeKeyName(browser.id));
      throw error;
    }
  }

  get(id: string): PairedBrowser | undefined {
    return this.repository.get(id);
  }

  /** Null when the vault lost it: the browser cannot resume and must pair again. */
  async resumePsk(id: string): Promise<Uint8Array | null> {
    const secret = await this.vault.get(resumeKeyName(id));
    return secret && secret.length === 32 ? new Uint8Array(secret) : null;
  }

  seen(id: string): void {
    this.repository.seen(id, this.now());
  }

  /** True when the browser was paired. */
  remove(id: string): boolean {
    this.vault.delete(resumeKeyName(id));
    return this.repository.remove(id);
  }

  views(online: (id: string) => boolean): PairedBrowserView[] {
    return this.repository.list().map(({ id, name, pairedAt, lastSeenAt }) => ({
      id,
      name,
      pairedAt,
      lastSeenAt,
      online: online(id),
    }));
  }
}
