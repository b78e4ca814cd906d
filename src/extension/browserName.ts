/** What the browser tells about itself; `userAgentData` exists in Chromium only. */
export interface BrowserIdentity {
  userAgent: string;
  userAgentData?: { brands: { brand: string }[]; platform: string };
}

const MAX_NAME = 60;
const PLATFORMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Android/, 'Android'],
  [/Linux/, 'Linux'],
];
const BROWSERS: [RegExp, string][] = [
  [/Firefox\//, 'Firefox'],
  [/Edg\//, 'Microsoft Edge'],
  [/OPR\//, 'Opera'],
  [/Chrome\//, 'Chrome'],
];

/**
 * The name this browser pairs under ("Brave on Linux"), so the user can tell paired browsers apart in
 * the desktop's list. The brand list mixes in a decoy ("Not A;Brand") and the engine ("Chromium"); the
 * brand the user knows is the one that is neither.
 */
export function browserName({ userAgent, userAgentData }: BrowserIdentity): string {
  const brands = (userAgentData?.brands ?? [])
    .map(({ brand }) => brand)
    .filter((brand) => !/not.?a.?brand/i.test(brand));
  const brand =
    brands.find((name) => name !== 'Chromium') ??
    brands[0] ??
    BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ??
    'Browser';
  const platform = userAgentData?.platform || PLATFORMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  return (platform ? `${brand} on ${platform}` : brand).slice(0, MAX_NAME);
}
