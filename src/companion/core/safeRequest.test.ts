import { describe, expect, it } from 'vitest';
import { LEDGER_OWNER, PHONE, safeRequest, SAFE } from '../../../test/companion/safeRequestFixture';
import { NOW } from '../../../test/companion/signRequestFixture';
import { describeSafeRequest, parseSafeRequest, safeRequestDigest, safeRequestRefusal } from './safeRequest';
import { RequestError } from './signRequest';

const OUTSIDER = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';

describe('safeRequestRefusal', () => {
  it('lets through a request whose hash the phone recomputes and whose owners include the phone', () => {
    const request = safeRequest();
    expect(safeRequestDigest(request)).toBe(request.safeTxHash);
    expect(safeRequestRefusal(request, PHONE)).toBeNull();
  });

  it('refuses a hash that does not match the transaction, whatever else is right', () => {
    const tampered = { ...safeRequest(), safeTx: { ...safeRequest().safeTx, to: OUTSIDER } };
    expect(safeRequestRefusal(tampered, PHONE)).toMatch(/does not match the transaction/);
    const otherChain = { ...safeRequest(), chainId: 10 };
    expect(safeRequestRefusal(otherChain, PHONE)).toMatch(/does not match/);
  });

  it('refuses a Safe the phone does not own, duplicate owners and Safes older than 1.3.0', () => {
    expect(safeRequestRefusal(safeRequest({ owners: [LEDGER_OWNER, OUTSIDER] }), PHONE)).toBe(
      `This phone's account ${PHONE} is not an owner of the Safe ${SAFE}.`,
    );
    expect(safeRequestRefusal(safeRequest({ owners: [PHONE, PHONE] }), PHONE)).toMatch(/same owner twice/);
    expect(safeRequestRefusal(safeRequest({ version: '1.2.0' }), PHONE)).toMatch(/version 1\.2\.0/);
    expect(safeRequestRefusal(safeRequest({ version: '1.10.0' }), PHONE)).toBeNull();
  });
});

describe('describeSafeRequest', () => {
  it('shows the Safe, the decoded call, the confirmations so far and the hash it computed', () => {
    const view = describeSafeRequest(safeRequest({ warnings: ['A module is enabled.'] }), NOW);
    expect(view).toMatchObject({
      safe: SAFE,
      chain: { name: 'Ethereum', known: true },
      call: { kind: 'send', summary: 'Send 0.05 ETH to 0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
      signed: 1,
      threshold: 2,
      nonce: '0',
      safeTxHash: safeRequest().safeTxHash,
      expired: false,
      expiresInSeconds: 290,
    });
    expect(view.warnings).toEqual([{ code: 'from_desktop', message: 'A module is enabled.' }]);
  });

  it('counts only current owners once each, and warns of another network and expiry', () => {
    const confirmations = [
      { owner: LEDGER_OWNER, device: 'Ledger' },
      { owner: LEDGER_OWNER, device: 'Ledger again' },
      { owner: OUTSIDER, device: 'Somebody' },
    ];
    const view = describeSafeRequest(safeRequest({ confirmations, desktopChainId: 10 }), NOW + 300_000);
    expect(view.signed).toBe(1);
    expect(view.warnings.map((warning) => warning.code)).toEqual(['network_differs', 'expired']);
  });

  it('refuses input that is not a Safe request in words', () => {
    expect(() => parseSafeRequest({ ...safeRequest(), threshold: 3 })).toThrow(RequestError);
    expect(() => describeSafeRequest({ ...safeRequest(), safe: 'nope' }, NOW)).toThrow(
      /cannot read \(safe: .*\)\. Nothing was signed\./,
    );
  });
});
