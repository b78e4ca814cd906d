import { domainToUnicode } from 'node:url';

/**
 * Letters that render (nearly) like a Latin one, from Cyrillic and Greek: a look-alike host spells a known
 * name with them and the browser shows it, or its `xn--` form, beside a real site's. Not exhaustive: the
 * common substitutions of phishing kits.
 */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  т: 't',
  у: 'y',
  х: 'x',
  ԝ: 'w',
  ɡ: 'g',
  ı: 'i',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};

/** Sequences a quick reader takes for another, folded to one spelling; longer ones first. */
const CONFUSABLE_SEQUENCES: readonly [RegExp, string][] = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/cl/g, 'd'],
  [/0/g, 'o'],
  [/[1i|]/g, 'l'],
  [/5/g, 's'],
  [/-/g, ''],
];

/**
 * Second-level labels under which anyone registers (`example.co.uk`): the registrable name is one label
 * further left. A short list of the common ones, not the Public Suffix List, which no library of this
 * project ships: a miss only compares one label too few.
 */
const SHARED_SECOND_LEVELS = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go']);

/** The name a site's owner registered, e.g. `uniswap.org` for `app.uniswap.org`; null for an IP or localhost. */
export function registrableName(origin: string): { domain: string; label: string } | null {
  let host: string;
  try {
    host = new URL(origin).hostname;
  } catch {
    return null;
  }
  if (host === 'localhost' || host.startsWith('[') || /^[\d.]+$/.test(host)) return null;
  const labels = host.split('.').filter((label) => label !== '');
  if (labels.length < 2) return null;
  const suffixLength =
    labels.length >= 3 && SHARED_SECOND_LEVELS.has(labels[labels.length - 2] as string) ? 2 : 1;
  const kept = labels.slice(-(suffixLength + 1));
  return { domain: kept.join('.'), label: kept[0] as string };
}

/** One spelling for every way of writing a label that looks the same. */
export function skeleton(label: string): string {
  // domainToUnicode answers '' for a name it cannot decode; the label as written is then all there is.
  const unicode = (label.startsWith('xn--') && domainToUnicode(`${label}.x`).slice(0, -2)) || label;
  let folded = [...unicode.normalize('NFKC').toLowerCase()].map((char) => HOMOGLYPHS[char] ?? char).join('');
  for (const [pattern, replacement] of CONFUSABLE_SEQUENCES) folded = folded.replace(pattern, replacement);
  return folded;
}

/** Levenshtein distance, or `limit + 1` as soon as it is certain to exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, substitution));
    }
    if (Math.min(...row) > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length] as number;
}

/**
 * How many edits still count as a look-alike: two for names long enough that two edits keep them
 * recognisable, one for short ones, none for three letters or fewer, where one edit makes another name.
 */
function tolerance(label: string): number {
  if (label.length >= 6) return 2;
  return label.length >= 4 ? 1 : 0;
}

/**
 * The site `known` that `origin` resembles without being it: the same registrable label under another
 * suffix, the same skeleton after folding look-alike letters (0/o, 1/l/i, rn/m, vv/w, Cyrillic and Greek
 * homoglyphs, `xn--` names), or a name within a few edits of it. Sites of the same registrable domain are
 * one owner's (`app.uniswap.org` and `uniswap.org`) and never match.
 */
export function lookAlikeOf(origin: string, known: readonly string[]): string | null {
  const site = registrableName(origin);
  if (!site) return null;
  const siteSkeleton = skeleton(site.label);
  for (const candidate of known) {
    const other = registrableName(candidate);
    if (!other || other.domain === site.domain) continue;
    const otherSkeleton = skeleton(other.label);
    if (siteSkeleton === otherSkeleton) return candidate;
    const limit = Math.min(tolerance(site.label), tolerance(other.label));
    if (limit > 0 && editDistance(siteSkeleton, otherSkeleton, limit) <= limit) return candidate;
  }
  return null;
}
