import type { HistorySources as HistorySourcesView } from '../../shared/history';
import type { Settings } from '../../shared/settings';
import type { EventHub } from '../api/events';
import type { SecretStore } from '../chains/rpcEndpoints';
import type { ProviderChoice } from './providers/chooseProvider';

const ETHERSCAN_KEY = 'etherscan-api-key';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface HistorySourcesOptions {
  secrets: SecretStore;
  settings: { get(): Pick<Settings, 'historyExplorers'> };
  events: EventHub;
  /** Passed to the explorers, e.g. Electron's `net.fetch`. */
  fetch?: typeof fetch;
  /** Called when the allowed sources or the key change, so providers chosen before are chosen again. */
  onChange(): void;
}

/**
 * Which history sources the user allowed, and their Etherscan API key, kept in the vault because it is a
 * credential. The key only ever leaves for Etherscan: it is never logged nor handed to the renderer.
 */
export class HistorySources {
  private explorers: boolean;

  constructor(private readonly options: HistorySourcesOptions) {
    this.explorers = options.settings.get().historyExplorers;
    options.events.subscribe((name, payload) => {
      if (name !== 'settings.changed') return;
      const { historyExplorers } = payload as Settings;
      if (historyExplorers === this.explorers) return;
      this.explorers = historyExplorers;
      options.onChange();
    });
  }

  view(): HistorySourcesView {
    return {
      explorers: this.options.settings.get().historyExplorers,
      etherscanKey: this.options.secrets.names().includes(ETHERSCAN_KEY),
    };
  }

  /** Takes a key the contract has already trimmed and checked; null removes it. */
  async setEtherscanKey(key: string | null): Promise<void> {
    if (key === null) this.options.secrets.delete(ETHERSCAN_KEY);
    else await this.options.secrets.put(ETHERSCAN_KEY, encoder.encode(key));
    this.options.onChange();
  }

  /** Reads the keychain only when an explorer may be asked, so a wallet without them never waits on it. */
  async choice(): Promise<ProviderChoice> {
    const { explorers, etherscanKey } = this.view();
    const stored = explorers && etherscanKey ? await this.options.secrets.get(ETHERSCAN_KEY) : null;
    return {
      explorers,
      etherscanKey: stored ? decoder.decode(stored) : undefined,
      fetch: this.options.fetch,
    };
  }
}
