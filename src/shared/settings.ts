import { z } from 'zod';
import { ChainId } from './chains/chain';
import { DEFAULT_UPDATE_FEED, UpdateFeedUrl } from './updates';
import { DEFAULT_WALLETCONNECT_RELAY, WalletConnectProjectId, WalletConnectRelayUrl } from './walletConnect';

export const ThemePreference = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof ThemePreference>;

export const FiatCurrency = z.enum(['USD', 'EUR', 'GBP', 'CHF', 'JPY']);
export type FiatCurrency = z.infer<typeof FiatCurrency>;

export const Settings = z.strictObject({
  theme: ThemePreference,
  fiatCurrency: FiatCurrency,
  /** The network the top bar is scoped to; must be a chain the app knows. */
  activeChainId: ChainId,
  /** No request leaves for a chain that is not listed here. */
  enabledChainIds: z.array(ChainId).max(64),
  /** Whether history may come from Etherscan or Blockscout, which learn every address the wallet asks about. */
  historyExplorers: z.boolean(),
  /**
   * Whether tokens with no on-chain price feed may be priced by the price service (CoinGecko), which learns
   * those tokens' contracts, the currency and the user's IP address, never accounts or amounts. Off by default.
   */
  priceService: z.boolean(),
  /**
   * The WalletConnect relay. It carries end-to-end encrypted messages: it sees their topics, sizes and times,
   * the project id and the user's IP address, never their content.
   */
  walletConnectRelayUrl: WalletConnectRelayUrl,
  /** Reown's project id the relay admits the wallet under; WalletConnect stays off until there is one. */
  walletConnectProjectId: WalletConnectProjectId.nullable(),
  /**
   * Whether a dApp's domain is checked with WalletConnect Verify, which then learns a hash of each proposal and
   * request it checks. Off, every dApp shows as unverified.
   */
  walletConnectVerify: z.boolean(),
  /** Where the app reads its release metadata; releases are trusted for their signature, not for this address. */
  updateFeedUrl: UpdateFeedUrl,
  /** Whether the app asks the feed by itself (on start and twice a day), which learns the IP and the version. */
  automaticUpdates: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

/** `{ theme: undefined }` survives structured cloning over IPC; it means "no change", not "store nothing". */
export const SettingsPatch = Settings.partial()
  .transform((patch) => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)))
  .pipe(
    Settings.partial().refine((patch) => Object.keys(patch).length > 0, {
      message: 'a settings change must name at least one setting',
    }),
  );
export type SettingsPatch = z.output<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fiatCurrency: 'USD',
  activeChainId: 1,
  enabledChainIds: [1],
  historyExplorers: false,
  priceService: false,
  walletConnectRelayUrl: DEFAULT_WALLETCONNECT_RELAY,
  walletConnectProjectId: null,
  walletConnectVerify: true,
  updateFeedUrl: DEFAULT_UPDATE_FEED,
  automaticUpdates: true,
};
