import type { SiteRow, SitesRepository } from './sitesRepository';

/** A site the user connected, as the service keeps it. */
export interface ConnectedSite {
  origin: string;
  /** The accounts exposed to the site, in the order `eth_accounts` returns them. */
  accountIds: number[];
  chainId: number;
  connectedAt: number;
  lastUsedAt: number;
}

/** A connection lapses this long after the site last used it; then it must ask again. */
export const SITE_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** Use is written at most this often per site, so a page polling eth_call is not a write per call. */
const USE_PRECISION_MS = 60_000;

const isLive = (row: SiteRow, now: number) =>
  row.revokedAt === null && row.accountIds.length > 0 && (row.expiresAt === null || row.expiresAt > now);

const toSite = ({ origin, accountIds, chainId, connectedAt, lastUsedAt }: SiteRow): ConnectedSite => ({
  origin,
  accountIds,
  chainId,
  connectedAt,
  lastUsedAt,
});

/** The sessions per origin: who is connected, with which accounts, on which chain, until when. */
export class Sites {
  constructor(
    private readonly repository: SitesRepository,
    private readonly now: () => number,
  ) {}

  /** The site's connection, or undefined when it never connected, was revoked, or lapsed. */
  connected(origin: string): ConnectedSite | undefined {
    const row = this.repository.get(origin);
    return row && isLive(row, this.now()) ? toSite(row) : undefined;
  }

  /** Every live connection with what the Connected sites page shows of it. */
  list(): SiteRow[] {
    const now = this.now();
    return this.repository.list().filter((row) => isLive(row, now));
  }

  /** Every site ever connected, revoked and lapsed ones too: what a new name is compared against. */
  known(): { origin: string; connectedAt: number }[] {
    return this.repository.list().map(({ origin, connectedAt }) => ({ origin, connectedAt }));
  }

  connect(origin: string, accountIds: number[], chainId: number): ConnectedSite {
    const now = this.now();
    this.repository.connect({ origin, accountIds, chainId, now, expiresAt: now + SITE_LIFETIME_MS });
    return { origin, accountIds, chainId, connectedAt: now, lastUsedAt: now };
  }

  used(site: ConnectedSite): void {
    const now = this.now();
    if (now - site.lastUsedAt >= USE_PRECISION_MS)
      this.repository.used(site.origin, now, now + SITE_LIFETIME_MS);
  }

  setChain(origin: string, chainId: number): void {
    this.repository.setChain(origin, chainId);
  }

  /** A site left with no account is disconnected. */
  setAccounts(origin: string, accountIds: number[]): void {
    if (accountIds.length === 0) this.repository.revoke(origin, this.now());
    else this.repository.setAccounts(origin, accountIds);
  }

  setWindowEthereum(origin: string, on: boolean): void {
    this.repository.setWindowEthereum(origin, on);
  }

  /** Whether the site was connected until now. */
  revoke(origin: string): boolean {
    const live = this.connected(origin) !== undefined;
    this.repository.revoke(origin, this.now());
    return live;
  }

  /** The origins that were connected until now. */
  revokeAll(): string[] {
    const live = this.list().map((row) => row.origin);
    this.repository.revokeAll(this.now());
    return live;
  }

  windowEthereumOrigins(): string[] {
    return this.list()
      .filter((row) => row.windowEthereum)
      .map((row) => row.origin);
  }
}
