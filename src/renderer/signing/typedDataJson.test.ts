import { describe, expect, it } from 'vitest';
import { parseTypedDataJson } from './typedDataJson';

const PAYLOAD = {
  domain: { name: 'Demo', chainId: 1 },
  types: { Mail: [{ name: 'contents', type: 'string' }] },
  primaryType: 'Mail',
  message: { contents: 'gm' },
};

describe('parseTypedDataJson', () => {
  it('reads the four parts of an eth_signTypedData_v4 payload and drops anything else', () => {
    const parsed = parseTypedDataJson(JSON.stringify({ ...PAYLOAD, extra: 1 }));
    expect(parsed).toEqual({ ok: true, typedData: PAYLOAD });
  });

  it('reads a payload a site encoded twice, as a JSON string', () => {
    expect(parseTypedDataJson(JSON.stringify(JSON.stringify(PAYLOAD)))).toEqual({
      ok: true,
      typedData: PAYLOAD,
    });
  });

  it('says the text is not JSON', () => {
    const parsed = parseTypedDataJson('{"domain": ');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/^This is not valid JSON/);
  });

  it('names the parts that are missing or of the wrong kind', () => {
    const parsed = parseTypedDataJson(JSON.stringify({ domain: {}, types: [], message: {} }));
    expect(parsed).toEqual({
      ok: false,
      error:
        'The typed data has no valid types, primaryType. It needs domain, types, primaryType and message.',
    });
    expect(parseTypedDataJson('[1]').ok).toBe(false);
    expect(parseTypedDataJson('null').ok).toBe(false);
  });
});
