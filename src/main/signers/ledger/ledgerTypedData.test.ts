import { describe, expect, it } from 'vitest';
import { MAIL } from '../../../../test/signing/fixtures';
import { toLedgerTypedMessage } from './ledgerTypedData';

describe('toLedgerTypedMessage', () => {
  it('hands hw-app-eth every type, the domain type included', () => {
    const message = toLedgerTypedMessage(MAIL);
    expect(message.types).toEqual(MAIL.types);
    expect(message.domain).toBe(MAIL.domain);
    expect(message.primaryType).toBe('Mail');
  });

  it('keeps a non-standard domain field order, and gives a request without a domain type the standard one', () => {
    const reordered = [...(MAIL.types.EIP712Domain ?? [])].reverse();
    expect(
      toLedgerTypedMessage({ ...MAIL, types: { ...MAIL.types, EIP712Domain: reordered } }).types.EIP712Domain,
    ).toEqual(reordered);
    const { EIP712Domain: _domain, ...structs } = MAIL.types;
    expect(toLedgerTypedMessage({ ...MAIL, types: structs }).types.EIP712Domain).toEqual(
      MAIL.types.EIP712Domain,
    );
  });
});
