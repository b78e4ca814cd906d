import { recoverAddress, Signature } from 'ethers';
import { afterEach, describe, expect, it } from 'vitest';
import type { PhoneRequests } from '../../src/main/pairing/phoneRequests';
import type { SafeSignFields } from '../../src/main/pairing/safeSignRequest';
import { safeTxHash } from '../../src/main/safes/safeTxHash';
import { hashSafeTx } from '../../src/shared/pairing/safeTx';
import { LEDGER_OWNER, PHONE, PHONE_MNEMONIC, safeRequest } from '../companion/safeRequestFixture';
import { useTempDatabase } from '../store/tempDatabase';
import { headlessPhone, pairPhone, startDesktop, until, type Desktop } from './pairingHarness';

const temp = useTempDatabase('safe-cosign-');
let desktop: Desktop;
afterEach(async () => desktop?.close());

const REQUEST_ID = 'aa'.repeat(16);
const ignoreStatus = () => undefined;

/** What the safes service hands the pairing service: the request without who asks and when. */
function fieldsOf(request: ReturnType<typeof safeRequest>): SafeSignFields {
  const { t, id, desktop: from, desktopChainId, createdAt, expiresAt, ...fields } = request;
  void [t, id, from, desktopChainId, createdAt, expiresAt];
  return fields;
}

async function pairedPhone() {
  desktop = startDesktop(temp.db);
  const phone = headlessPhone(PHONE_MNEMONIC);
  const { account } = await pairPhone(desktop, phone);
  const fingerprint = account.deviceFingerprint as string;
  /** Every request the phone put in front of its user. */
  const shown: string[] = [];
  phone.client.onChange(() => shown.push(...phone.client.requests().map((entry) => entry.request.id)));
  return { phone, fingerprint, shown };
}

describe('the hash the phone recomputes', () => {
  it('is the one the desktop’s Safe SDK (protocol-kit) computes, for every field', () => {
    const { safeTx, safe } = safeRequest();
    const variants = [
      safeTx,
      { ...safeTx, operation: 1 as const, data: '0x12345678', nonce: '7' },
      { ...safeTx, safeTxGas: '1', baseGas: '2', gasPrice: '3', refundReceiver: LEDGER_OWNER },
    ];
    for (const fields of variants) {
      for (const chainId of [1, 31337]) {
        const desktop = safeTxHash(chainId, safe, { ...fields, nonce: Number(fields.nonce) });
        expect(hashSafeTx(chainId, safe, fields)).toBe(desktop);
      }
    }
  });
});

describe('co-signing a Safe transaction on the phone, over the real relay', () => {
  it('shows the request, and on Approve the desktop gets a signature of safeTxHash by the phone', async () => {
    const { phone, fingerprint } = await pairedPhone();
    const request = safeRequest();
    const signing = desktop.pairing.signSafeTransaction(
      { id: REQUEST_ID, fingerprint, message: fieldsOf(request) },
      ignoreStatus,
    );
    const pending = await until(() => phone.client.requests()[0], 'the Safe request on the phone');
    expect(pending.request).toMatchObject({
      t: 'safeSign',
      id: REQUEST_ID,
      desktop: 'Test desktop',
      safe: request.safe,
      owners: [LEDGER_OWNER, PHONE],
      safeTxHash: request.safeTxHash,
      confirmations: [{ owner: LEDGER_OWNER, device: 'Ledger Nano X' }],
    });
    await phone.client.approve(REQUEST_ID);
    const signature = await signing;
    expect(recoverAddress(request.safeTxHash, Signature.from(signature))).toBe(PHONE);
    expect(phone.state().answered).toMatchObject([{ id: REQUEST_ID, digest: request.safeTxHash }]);
    phone.client.disconnect();
  });

  it('answers a re-sent request by its id with the same signature, without asking or signing again', async () => {
    const { phone, fingerprint, shown } = await pairedPhone();
    const message = fieldsOf(safeRequest());
    const first = desktop.pairing.signSafeTransaction({ id: REQUEST_ID, fingerprint, message }, ignoreStatus);
    await until(() => phone.client.requests()[0], 'the Safe request on the phone');
    await phone.client.approve(REQUEST_ID);
    const signature = await first;
    const answered = phone.state().answered;
    shown.length = 0;

    const again = desktop.pairing.signSafeTransaction({ id: REQUEST_ID, fingerprint, message }, ignoreStatus);
    await expect(again).resolves.toEqual(signature);
    expect(shown).toEqual([]);
    expect(phone.state().answered).toEqual(answered);
    phone.client.disconnect();
  });

  it('refuses a request whose safeTxHash is not the hash of its fields, and signs nothing', async () => {
    const { phone, fingerprint, shown } = await pairedPhone();
    const honest = safeRequest();
    const tampered = { ...fieldsOf(honest), safeTx: { ...honest.safeTx, to: LEDGER_OWNER } };
    // The desktop's own guard refuses to send it…
    await expect(
      desktop.pairing.signSafeTransaction({ id: REQUEST_ID, fingerprint, message: tampered }, ignoreStatus),
    ).rejects.toThrow(/hash does not match the transaction/);
    // …so a compromised desktop is played by writing the message to the request queue itself.
    const queue = (desktop.pairing as unknown as { requests: PhoneRequests }).requests;
    const refused = queue.sign(
      fingerprint,
      'Alice’s phone',
      { t: 'safeSign', id: REQUEST_ID, desktop: 'Test desktop', desktopChainId: 1, ...tampered },
      ignoreStatus,
    );
    await expect(refused).rejects.toMatchObject({
      code: 'device_rejected',
      message: expect.stringMatching(
        /hash the desktop sent does not match the transaction.*Nothing was signed\.$/,
      ),
    });
    expect(shown).toEqual([]);
    expect(phone.state().answered).toEqual([]);
    phone.client.disconnect();
  });

  it('refuses a Safe that does not list the phone among its owners', async () => {
    const { phone, fingerprint, shown } = await pairedPhone();
    const message = fieldsOf(safeRequest({ owners: [LEDGER_OWNER], threshold: 1 }));
    await expect(
      desktop.pairing.signSafeTransaction({ id: REQUEST_ID, fingerprint, message }, ignoreStatus),
    ).rejects.toMatchObject({
      code: 'device_rejected',
      message: expect.stringContaining(`${PHONE} is not an owner of the Safe`),
    });
    expect(shown).toEqual([]);
    expect(phone.state().answered).toEqual([]);
    phone.client.disconnect();
  });
});
