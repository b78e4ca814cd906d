/**
 * The one origin the wallet's pages live at. Pages are served from a privileged custom scheme rather than
 * `file://`, so they get a real, narrow origin instead of read access to the whole disk.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wallet';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is a page of the wallet itself. Node's URL reports `null` as the origin of schemes it does
 * not know, so this compares the parts Chromium's origin is made of; credentials and ports never belong to
 * our origin, and their presence means someone is trying to look like it.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
