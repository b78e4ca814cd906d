import { Transaction } from 'ethers';
import { afterEach, describe, expect, it } from 'vitest';
import { phoneAccount } from '../../src/companion/core/phoneKeys';
import { phoneReview } from '../../src/main/pairing/phoneReview';
import type { Finding } from '../../src/shared/review';
import { useTempDatabase } from '../store/tempDatabase';
import { headlessPhone, pairPhone, startDesktop, until, type Desktop } from './pairingHarness';
import { reviewOf, transfer } from './reviewedTransfer';

const PHONE_MNEMONIC = 'legal winner thank year wave sausage worth useful legal winner thank yellow';

const temp = useTempDatabase('phone-review-');
let desktop: Desktop;
afterEach(async () => desktop?.close());

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  code: 'first-time-recipient',
  severity: 'info',
  overridable: false,
  message: 'You have not sent to Bob before.',
  facts: [],
  fix: null,
  ...overrides,
});

async function pairedPhone() {
  desktop = startDesktop(temp.db);
  const phone = headlessPhone(PHONE_MNEMONIC);
  const { account } = await pairPhone(desktop, phone);
  return { phone, account };
}

describe('the desktop’s review on the phone', () => {
  it('travels with the request, in the desktop’s words, and the phone signs the transaction it decoded', async () => {
    const { phone, account } = await pairedPhone();
    const review = reviewOf(transfer(0), { findings: [finding()] });
    const signing = desktop.signers.signTransaction(account.id, transfer(0), review);
    const pending = await until(() => phone.client.requests()[0], 'the request on the phone');
    expect(pending.request).toHaveProperty('review', phoneReview(review));
    expect(pending.request).toMatchObject({
      review: {
        summary: 'Send 0.01 ETH to Bob',
        findings: [
          { code: 'first-time-recipient', severity: 'info', message: 'You have not sent to Bob before.' },
        ],
      },
    });
    await phone.client.approve(pending.request.id);
    const signed = await signing;
    expect(Transaction.from(signed.serialized).from).toBe(phoneAccount(PHONE_MNEMONIC).address);
    phone.client.disconnect();
  });

  it('is refused without asking when the desktop blocked it, and the desktop hears why', async () => {
    const { phone, account } = await pairedPhone();
    const blocking = finding({
      code: 'insufficient-balance',
      severity: 'blocking',
      message: 'Not enough ETH.',
    });
    const review = reviewOf(transfer(0), { findings: [blocking], blocked: true });
    await expect(desktop.signers.signTransaction(account.id, transfer(0), review)).rejects.toMatchObject({
      code: 'device_rejected',
      message:
        'Alice’s phone rejected the request: Your desktop blocked this: Not enough ETH. Nothing was signed.',
    });
    expect(phone.client.requests()).toEqual([]);
    expect(phone.state().answered).toEqual([]);
    phone.client.disconnect();
  });

  it('is refused when the review is of another transaction than the one sent', async () => {
    const { phone, account } = await pairedPhone();
    // Reviewed at nonce 0, sent at nonce 1: what the user saw is not what would be signed.
    await expect(
      desktop.signers.signTransaction(account.id, transfer(1), reviewOf(transfer(0))),
    ).rejects.toMatchObject({
      code: 'device_rejected',
      message: expect.stringMatching(
        /review is for nonce 0, the transaction has nonce 1\. Nothing was signed\.$/,
      ),
    });
    expect(phone.client.requests()).toEqual([]);
    phone.client.disconnect();
  });

  it('is refused, with a clear reason, when the review is oversize', async () => {
    const { phone, account } = await pairedPhone();
    const review = reviewOf(transfer(0));
    // Beyond the schema's 30. The signers check their own review before it leaves, so this goes straight
    // through the pairing service, as a desktop that skipped that check would send it.
    review.findings = Array.from({ length: 31 }, () => finding());
    const request = {
      id: 'e'.repeat(32),
      fingerprint: account.deviceFingerprint as string,
      transaction: transfer(0),
      review,
    };
    await expect(desktop.pairing.signTransaction(request, () => undefined)).rejects.toMatchObject({
      code: 'device_rejected',
      message: expect.stringMatching(
        /^Alice’s phone rejected the request: The phone cannot read this request: The desktop sent an invalid message \(review\.findings: .*Nothing was signed\.$/,
      ),
    });
    expect(phone.client.requests()).toEqual([]);
    phone.client.disconnect();
  });
});
