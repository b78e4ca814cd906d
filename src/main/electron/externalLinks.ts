/** Longer than any explorer or docs link the wallet shows; a longer one is an exfiltration attempt. */
const MAX_EXTERNAL_URL = 2048;

/**
 * The URL to hand to the operating system's browser, or null when it must not leave the app. Only https:
 * opens: other schemes can launch local programs (`file:`, `smb:`, custom handlers), and credentials in a
 * link are a phishing tell.
 */
export function safeExternalUrl(raw: string): string | null {
  if (raw.length > MAX_EXTERNAL_URL) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}
