import type { DappChannel } from '../../shared/dapps';
import type { Finding } from '../../shared/review';
import { finding } from '../review/findings/finding';
import { lookAlikeOf } from './lookAlikeSite';

/** A site connected more recently than this is still new to the user: phishing sites live for hours. */
export const FIRST_VISIT_MS = 24 * 60 * 60 * 1000;

export interface KnownSite {
  origin: string;
  connectedAt: number;
}

/** What the findings are judged against, read when a request is shown or reviewed. */
export interface FindingContext {
  /** Every site the user connected through the extension, revoked and lapsed ones too. */
  sites: KnownSite[];
  /** Every WalletConnect session the user approved, by the origin its dApp claimed. */
  sessions: KnownSite[];
  /** Settings › WalletConnect › Verify: off, no dApp can be confirmed. */
  verifyOn: boolean;
  now: number;
}

/** The findings that lead every review of one site's or session's requests. */
export type SiteFindings = (origin: string, via: DappChannel) => Finding[];

type WalletConnectChannel = Extract<DappChannel, { kind: 'walletconnect' }>;

/**
 * What the wallet knows about who asks, to lead every review of its requests: who it is and how it reached
 * the wallet, whether WalletConnect Verify confirmed the domain a dApp claims, whether the user has known it
 * for a day, and whether its name imitates one the user connected before. Look-alikes are sought among
 * extension sites and WalletConnect sessions alike; "known for a day" counts only the same channel, since a
 * dApp's claim to an origin proves nothing about the extension's site of that origin.
 */
export function siteFindings(origin: string, via: DappChannel, context: FindingContext): Finding[] {
  // Who asks comes first: every other sentence of the review is about what this site wants. The origin is
  // named once, here; the sentences below say "this site", so two 300-character origins never overflow one.
  const found: Finding[] =
    via.kind === 'extension'
      ? [finding('site-origin', 'info', `Requested by ${origin}`)]
      : walletConnectFindings(origin, via, context.verifyOn);
  const known = [...context.sites, ...context.sessions];
  const lookalike = lookAlikeOf(
    origin,
    known.map((site) => site.origin).filter((other) => other !== origin),
  );
  if (lookalike) {
    found.push(
      finding(
        'look-alike-site',
        'warning',
        `This site looks like ${lookalike}, a site you connected before, but it is another site. ` +
          'Phishing sites copy the names of real ones: check the address bar letter by letter.',
      ),
    );
  }
  const sameChannel = via.kind === 'extension' ? context.sites : context.sessions;
  const self = sameChannel.find((site) => site.origin === origin);
  if (!self || context.now - self.connectedAt < FIRST_VISIT_MS) {
    found.push(finding('first-visit-site', 'warning', firstVisit(via, self !== undefined)));
  }
  return found;
}

function firstVisit(via: DappChannel, seen: boolean): string {
  const what = via.kind === 'extension' ? 'site' : 'dApp';
  const how = via.kind === 'extension' ? '' : ' through WalletConnect';
  return seen
    ? `You connected this ${what}${how} less than a day ago. Make sure it is the ${what} you meant to use.`
    : `This is not a ${what} you connected${how} before. Make sure it is the ${what} you meant to use.`;
}

/**
 * A WalletConnect dApp names its own origin, so the first finding says how it came, and the next what Verify
 * made of the claim. A scam listing blocks until the user says to go on; a mismatch or no confirmation warns.
 */
function walletConnectFindings(origin: string, via: WalletConnectChannel, verifyOn: boolean): Finding[] {
  const who = `Requested by ${origin} through WalletConnect`;
  switch (via.verification) {
    case 'validated':
      return [finding('site-origin', 'info', `${who}; WalletConnect Verify confirmed the dApp is on it`)];
    case 'threat':
      return [
        finding('site-origin', 'info', who),
        finding(
          'dapp-known-threat',
          'blocking',
          'WalletConnect Verify lists the domain this dApp claims as a known threat: scam sites drain ' +
            'wallets through requests like this one. Go on only if you are certain, and say so.',
          { overridable: true },
        ),
      ];
    case 'mismatch':
      return [
        finding('site-origin', 'info', who),
        finding(
          'dapp-domain-mismatch',
          'warning',
          'This dApp claims the domain above, but WalletConnect Verify saw its request come from a page ' +
            'on another domain. A phishing page can claim any name: check where you opened it.',
        ),
      ];
    case 'unknown':
      return [
        finding('site-origin', 'info', who),
        finding(
          'dapp-unverified',
          'warning',
          verifyOn
            ? 'WalletConnect Verify could not confirm that this dApp is on the domain it claims; the name ' +
                'above is only what the dApp says of itself.'
            : 'Verify is off in Settings, so the wallet cannot confirm that this dApp is on the domain it ' +
                'claims; the name above is only what the dApp says of itself.',
        ),
      ];
  }
}
