import { Transaction, Wallet } from 'ethers';
import { txReviewFixture } from '../../../test/tx/txReviewFixture';
import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { ApiError } from '../../shared/api/envelope';
import type { EventName, EventPayload } from '../../shared/api/contract';
import type { SigningRequestView } from '../../shared/devices';
import { createEventHub } from '../api/events';
import { createLogger } from '../log';
import type { ChecksumAddress } from '../store/address';
import { createRepositories } from '../store/repositories';
import { DeviceRegistry } from './deviceRegistry';
import type { SignatureParts, TypedData, UnsignedTransaction } from './signer';
import { SigningRequests } from './signingRequests';
import { type PhoneGateway, type PhoneSafeRequest, SigningRunner } from './signingRunner';
import { typedDataHashes } from './typedDataHash';

const temp = useTempDatabase('signing-runner-');
const PHONE = 'feedface00112233';
const wallet = Wallet.createRandom();

const transaction: UnsignedTransaction = {
  type: 2,
  chainId: 1n,
  nonce: 0,
  to: '0x000000000000000000000000000000000000dEaD' as ChecksumAddress,
  value: 1n,
  data: '0x',
  gasLimit: 21_000n,
  maxFeePerGas: 2n,
  maxPriorityFeePerGas: 1n,
};
const check = [{ label: 'To', value: transaction.to as string }];

function signed(by = wallet): SignatureParts {
  const { r, s, yParity } = by.signingKey.sign(Transaction.from(transaction).unsignedHash);
  return { r, s, yParity };
}

/** A phone gateway that answers only what a test gives it; anything else is a test error. */
function gateway(answers: Partial<PhoneGateway>): PhoneGateway {
  const unexpected = () => Promise.reject(new Error('this test did not expect that request'));
  return { signTransaction: unexpected, signSafeTransaction: unexpected, ...answers };
}

function setup(answers?: Partial<PhoneGateway>) {
  const phones = answers && gateway(answers);
  const repositories = createRepositories(temp.db);
  const events = createEventHub();
  const published: SigningRequestView[] = [];
  events.subscribe((name: EventName, payload: EventPayload<EventName>) => {
    if (name === 'signing.request') published.push(structuredClone(payload as SigningRequestView));
  });
  const now = () => 42;
  const devices = new DeviceRegistry({
    sources: [],
    repositories,
    activity: async () => [],
    events,
    log: createLogger('signers', () => {}),
    recheckMs: 0,
    now,
  });
  const requests = new SigningRequests(events, now);
  const runner = new SigningRunner({ devices, requests, repositories, phones, now });
  repositories.devices.recordSeen({ fingerprint: PHONE, kind: 'phone', name: 'Pixel', model: null }, 1);
  const phoneAccount = repositories.accounts.add({
    signer: 'phone',
    deviceFingerprint: PHONE,
    derivationScheme: 'bip44',
    derivationPath: "m/44'/60'/0'/0/0",
    address: wallet.address as ChecksumAddress,
    label: 'Pixel',
  });
  return { runner, repositories, published, phoneAccount };
}

/** The review the user approved, which the overlay shows again while the phone is asked. */
const shown = { type: 'transaction' as const, review: txReviewFixture() };
describe('SigningRunner on a paired phone', () => {
  it('sends the transaction under a phone request id, reports its steps, checks and records the signature', async () => {
    const asked: { id: string; fingerprint: string }[] = [];
    const { runner, repositories, published, phoneAccount } = setup({
      async signTransaction(request, onStatus) {
        asked.push(request);
        onStatus('waiting_for_phone', 1_000);
        onStatus('awaiting_confirmation', 1_000);
        return signed();
      },
    });
    const result = await runner.runOnPhone(phoneAccount, transaction, check, shown);
    expect(Transaction.from(result.serialized).from).toBe(wallet.address);
    expect(asked[0]).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/), fingerprint: PHONE });
    expect(published.map((r) => r.status)).toEqual([
      'queued',
      'waiting_for_phone',
      'awaiting_confirmation',
      'done',
    ]);
    expect(published[0]).toMatchObject({
      id: asked[0]?.id,
      action: 'transaction',
      signer: { kind: 'phone', label: 'Pixel', fingerprint: PHONE, model: null },
      check,
      blind: false,
      review: shown,
      startedAt: 42,
    });
    expect(repositories.signatures.byDigest(result.hash)).toEqual([
      expect.objectContaining({
        signer: 'phone',
        deviceFingerprint: PHONE,
        kind: 'transaction',
        signedAt: 42,
      }),
    ]);
  });

  it('refuses a signature from another key, and closes a cancelled request without an error', async () => {
    let answer: () => Promise<SignatureParts> = async () => signed(Wallet.createRandom());
    const { runner, published, phoneAccount } = setup({ signTransaction: () => answer() });
    await expect(runner.runOnPhone(phoneAccount, transaction, check, shown)).rejects.toMatchObject({
      code: 'signature_mismatch',
    });
    expect(published.at(-1)).toMatchObject({ status: 'failed', error: { state: 'error' } });

    answer = () => Promise.reject(new ApiError('cancelled', 'You cancelled the request.'));
    await expect(runner.runOnPhone(phoneAccount, transaction, check, shown)).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(published.at(-1)).toMatchObject({ status: 'done', error: null });
  });

  it('says a phone cannot sign where pairing is not wired in, before any request is shown', async () => {
    const { runner, published, phoneAccount } = setup();
    await expect(runner.runOnPhone(phoneAccount, transaction, check, shown)).rejects.toMatchObject({
      state: 'disconnected',
      message: 'Phone signing is not available here.',
    });
    expect(published).toEqual([]);
  });
});

/** A SafeTx-shaped typed message; the phone signs its EIP-712 digest itself, with no prefix. */
const safeTx: TypedData = {
  domain: { chainId: 1, verifyingContract: '0x000000000000000000000000000000000000bEEF' },
  types: {
    EIP712Domain: [
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    SafeTx: [{ name: 'nonce', type: 'uint256' }],
  },
  primaryType: 'SafeTx',
  message: { nonce: 7 },
};
const safeTxHash = typedDataHashes(safeTx).digest.toLowerCase();
const safeRequest = { chainId: 1, safeTxHash } as PhoneSafeRequest;

describe('SigningRunner co-signing a Safe transaction on a paired phone', () => {
  it('asks the phone, tracks it in the overlay, checks the signature against the owner and records it', async () => {
    const asked: { id: string; fingerprint: string; message: PhoneSafeRequest }[] = [];
    const { runner, repositories, published, phoneAccount } = setup({
      async signSafeTransaction(request, onStatus) {
        asked.push(request);
        onStatus('awaiting_confirmation', 1_000);
        const { r, s, yParity } = wallet.signingKey.sign(safeTxHash);
        return { r, s, yParity };
      },
    });
    const result = await runner.runSafeOnPhone(phoneAccount, safeRequest, safeTx, check);
    expect(result).toMatchObject({ label: 'Pixel', fingerprint: PHONE, signedAt: 42 });
    expect(asked).toEqual([{ id: published[0]?.id, fingerprint: PHONE, message: safeRequest }]);
    expect(published.map((r) => [r.action, r.signer.kind, r.status])).toEqual([
      ['typed-data', 'phone', 'queued'],
      ['typed-data', 'phone', 'awaiting_confirmation'],
      ['typed-data', 'phone', 'done'],
    ]);
    expect(repositories.signatures.byDigest(safeTxHash)).toEqual([
      expect.objectContaining({ signer: 'phone', deviceFingerprint: PHONE, kind: 'typed-data', chainId: 1 }),
    ]);
  });

  it('refuses a signature of the hash by another key', async () => {
    const { runner, repositories, phoneAccount } = setup({
      async signSafeTransaction() {
        const { r, s, yParity } = Wallet.createRandom().signingKey.sign(safeTxHash);
        return { r, s, yParity };
      },
    });
    await expect(runner.runSafeOnPhone(phoneAccount, safeRequest, safeTx, check)).rejects.toMatchObject({
      code: 'signature_mismatch',
    });
    expect(repositories.signatures.byDigest(safeTxHash)).toEqual([]);
  });
});

describe('SigningRunner on a device', () => {
  it('refuses phone accounts, and names the device to connect, before any request is shown', async () => {
    const { runner, repositories, published, phoneAccount } = setup();
    const task = async () => 'never';
    await expect(runner.run(phoneAccount, 'message', check, false, task)).rejects.toMatchObject({
      message: expect.stringContaining('signs transactions only'),
    });

    repositories.devices.recordSeen(
      { fingerprint: 'aaaa0001', kind: 'trezor', name: 'Vault', model: null },
      1,
    );
    const onTrezor = repositories.accounts.add({
      signer: 'trezor',
      deviceFingerprint: 'aaaa0001',
      derivationScheme: 'bip44',
      derivationPath: "m/44'/60'/0'/0/1",
      address: Wallet.createRandom().address as ChecksumAddress,
      label: '',
    });
    await expect(runner.run(onTrezor, 'message', check, false, task)).rejects.toMatchObject({
      code: 'device_unavailable',
      state: 'disconnected',
      message: 'Connect Vault that holds this account to sign with it.',
      remedy: 'Plug in your Trezor and unlock it to use its accounts.',
    });
    expect(published).toEqual([]);
  });
});
