import type { TokenAddress } from './balanceReader';
import type { Token, TokenSource } from './token';

/**
 * - `same-symbol` / `same-name`: two different tokens on one chain that read the same, after folding case,
 *   width, accents, invisible characters and letters from other scripts that imitate Latin ones. One of
 *   them is likely a fake.
 * - `variant`: a bridged or wrapped form of another token (USDC.e and USDC, WETH and ETH): both real, but
 *   not interchangeable everywhere.
 * - `unrequested`: a token neither listed nor added by the user, which arrived unasked; likely spam.
 */
export type TokenWarningKind = 'same-symbol' | 'same-name' | 'variant' | 'unrequested';

export interface TokenWarning {
  chainId: number;
  kind: TokenWarningKind;
  severity: 'danger' | 'info';
  /** The suspect token first, then (for pairs) the more trusted token it resembles. */
  tokens: TokenAddress[];
  message: string;
}

/** Letters from other scripts that render like Latin ones; NFKD already folds full-width forms and accents. */
const CONFUSABLES = new Map(
  [
    'АA ВB ЕE ЅS Іl ЈJ КK МM НH ОO РP СC ТT ХX УY ҮY Ӏl Ԛq Ԝw',
    'аa вb еe ѕs іi јj кk мm нh оo рp сc тt хx уy ԁd һh ӏl ԛq ԝw',
    'ΑA ΒB ΕE ΖZ ΗH Ιl ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX αa βb εe ιi κk νv οo ρp τt υu χx',
    // Capital I reads as lower-case l in most UI fonts, so every I-like letter maps to l; ₮ is Tether's T.
    'Il ıi ɡg ₮T',
  ]
    .join(' ')
    .split(' ')
    .map((pair) => [...pair] as [string, string]),
);
const INVISIBLE = /[\p{Mn}\p{Default_Ignorable_Code_Point}]/gu;

function fold(text: string): string {
  const folded = [...text.normalize('NFKD').replace(INVISIBLE, '')].map(
    (char) => CONFUSABLES.get(char) ?? char,
  );
  return folded.join('').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * What a person sees, as a comparable key: the same key means "reads the same". Folding repeats until
 * nothing changes, because lower-casing can reveal a look-alike (Cyrillic Ԁ lower-cases to ԁ, which reads
 * as d) and decomposing can reveal a mark to drop.
 */
export function skeleton(text: string): string {
  let current = text;
  for (let pass = 0; pass < 4; pass++) {
    const next = fold(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Symbols that name the same asset in another form, in display spelling; compared as skeletons. */
const SAME_ASSET: Readonly<Record<string, string>> = {
  USDbC: 'USDC',
  USDCe: 'USDC',
  USDT0: 'USDT',
  MATIC: 'POL',
  XDAI: 'DAI',
  cbBTC: 'BTC',
  BTCb: 'BTC',
};
const WRAPPABLE = ['ETH', 'BTC', 'BNB', 'AVAX', 'POL', 'MATIC', 'XDAI'];

const ALIAS = new Map(Object.entries(SAME_ASSET).map(([from, to]) => [skeleton(from), skeleton(to)]));
const WRAPPED = new Set(WRAPPABLE.map(skeleton));

/** The asset a token stands for, so USDC.e and USDC, or WETH and ETH, share a key. */
function asset(token: Token, nativeSymbol: string | undefined): string {
  const symbol = token.tags.includes('wnative') && nativeSymbol ? nativeSymbol : token.symbol;
  let key = skeleton(symbol).replace(/\.[eb]$/, '');
  key = ALIAS.get(key) ?? key;
  if (key.startsWith('w') && WRAPPED.has(key.slice(1))) key = key.slice(1);
  return ALIAS.get(key) ?? key;
}

const TRUST: Readonly<Record<TokenSource, number>> = { native: 0, list: 1, user: 2, discovered: 3 };

/** Warnings for the tokens of one or more chains; tokens are only compared with others on their chain. */
export function tokenWarnings(tokens: readonly Token[]): TokenWarning[] {
  const warnings: TokenWarning[] = [];
  const byChain = groupBy(tokens, (token) => token.chainId);
  for (const [chainId, chainTokens] of byChain) {
    // Most trusted first, so each pair names the less trusted token as the suspect.
    const ranked = chainTokens.toSorted((a, b) => TRUST[a.source] - TRUST[b.source]);
    const nativeSymbol = ranked.find((token) => token.source === 'native')?.symbol;
    const reported = new Set<string>();
    const pairs = (kind: TokenWarningKind, key: (token: Token) => string) => {
      for (const group of groupBy(ranked, key).values()) {
        group.forEach((suspect, i) =>
          group.slice(0, i).forEach((trusted) => {
            const pair = `${suspect.address}|${trusted.address}`;
            if (reported.has(pair)) return;
            reported.add(pair);
            warnings.push({
              chainId,
              kind,
              ...describe(kind, suspect, trusted),
              tokens: [suspect.address, trusted.address],
            });
          }),
        );
      }
    };
    pairs('same-symbol', (token) => skeleton(token.symbol));
    pairs('same-name', (token) => skeleton(token.name));
    pairs('variant', (token) => asset(token, nativeSymbol));
    for (const token of ranked.filter((t) => t.source === 'discovered')) {
      warnings.push({
        chainId,
        kind: 'unrequested',
        severity: 'danger',
        tokens: [token.address],
        message: `${token.symbol} arrived without being asked for and is not on any list: it is likely spam. Do not interact with its contract.`,
      });
    }
  }
  return warnings;
}

function describe(
  kind: TokenWarningKind,
  suspect: Token,
  trusted: Token,
): Pick<TokenWarning, 'severity' | 'message'> {
  const them = `${suspect.symbol} (${suspect.address}) and ${trusted.symbol} (${trusted.address})`;
  switch (kind) {
    case 'same-symbol':
    case 'same-name': {
      const what = kind === 'same-symbol' ? 'symbol' : 'name';
      const how = (kind === 'same-symbol' ? suspect.symbol === trusted.symbol : suspect.name === trusted.name)
        ? `have the same ${what}`
        : `have ${what}s that look alike but use different characters`;
      return { severity: 'danger', message: `${them} ${how}. They are different tokens; check the address.` };
    }
    default:
      return {
        severity: 'info',
        message: `${suspect.symbol} is a bridged or wrapped form of ${trusted.symbol}. They are different tokens with separate balances.`,
      };
  }
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
