import type { SignTypedData } from '../../shared/devices';

export type TypedDataPayload = SignTypedData['typedData'];

/** What reading the textarea gives: the payload to review, or a sentence saying what to fix in the text. */
export type ParsedTypedData = { ok: true; typedData: TypedDataPayload } | { ok: false; error: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An eth_signTypedData_v4 payload as a site hands it over: a JSON object with domain, types, primaryType and
 * message, or that object as a JSON string (some sites double-encode it). Only the shape is checked here, so
 * the user hears about a typo before asking main; main checks every field and value again.
 */
export function parseTypedDataJson(text: string): ParsedTypedData {
  let value: unknown;
  try {
    value = JSON.parse(text);
    if (typeof value === 'string') value = JSON.parse(value);
  } catch (error) {
    const where = error instanceof SyntaxError ? ` (${error.message})` : '';
    return {
      ok: false,
      error: `This is not valid JSON${where}. Paste the typed data exactly as the site gave it.`,
    };
  }
  if (!isRecord(value)) {
    return { ok: false, error: 'Typed data is a JSON object with domain, types, primaryType and message.' };
  }
  const missing = ['domain', 'types', 'message'].filter((key) => !isRecord(value[key]));
  if (typeof value.primaryType !== 'string' || value.primaryType === '') missing.push('primaryType');
  if (missing.length > 0) {
    return {
      ok: false,
      error: `The typed data has no valid ${missing.join(', ')}. It needs domain, types, primaryType and message.`,
    };
  }
  const { domain, types, primaryType, message } = value;
  return { ok: true, typedData: { domain, types, primaryType, message } as TypedDataPayload };
}
