import type { DesktopMessage, ProviderEventName } from '../../../shared/bridge/bridgeMessages';

export type { ProviderEventName } from '../../../shared/bridge/bridgeMessages';

/** How the dApp service reaches the pages: through every paired browser online now. */
export interface BrowserLink {
  /** To every paired browser online now; each forwards it to that origin's frames only. */
  emit(origin: string, name: ProviderEventName, data: unknown): void;
  /** The window.ethereum list changed. */
  sitesChanged(windowEthereum: string[]): void;
}

/** A paired browser's open, verified socket. */
export interface OpenBrowser {
  readonly browserId: string;
  send(message: DesktopMessage): void;
}

/** The browsers online now, and the link that broadcasts to them. */
export class OnlineBrowsers implements BrowserLink {
  private readonly open = new Set<OpenBrowser>();

  add(browser: OpenBrowser): void {
    this.open.add(browser);
  }

  remove(browser: OpenBrowser): void {
    this.open.delete(browser);
  }

  isOnline(browserId: string): boolean {
    return [...this.open].some((browser) => browser.browserId === browserId);
  }

  emit(origin: string, name: ProviderEventName, data: unknown): void {
    this.broadcast({ t: 'event', origin, name, data: data ?? null });
  }

  sitesChanged(windowEthereum: string[]): void {
    this.broadcast({ t: 'sites', windowEthereum });
  }

  broadcast(message: DesktopMessage): void {
    for (const browser of this.open) browser.send(message);
  }
}
