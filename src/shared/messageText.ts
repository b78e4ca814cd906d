/**
 * The text a signed message's bytes spell, when they are UTF-8 without control characters other than
 * line breaks and tabs; else null, and the bytes are shown as hex. A message that only renders as text
 * when decoded loosely is shown as what it is.
 */
export function messageText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- controls are exactly what this looks for
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text)
    ? null
    : text;
}
