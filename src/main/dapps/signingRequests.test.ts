import { hexlify, toUtf8Bytes } from 'ethers';
import { describe, expect, it, vi } from 'vitest';
import { sessionChannel } from '../../../test/dapps/dappsHarness';
import { ACCOUNTS, SITE, FIRST } from '../../../test/dapps/signingFixtures';
import { permit2Single } from '../../../test/review/typedData/typedDataFixtures';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { DeviceError } from '../../shared/deviceError';
import type { Finding, TxReview } from '../../shared/review';
import type { OutgoingView } from '../../shared/tx';
import { finding } from '../review/findings/finding';
import { EXTENSION } from './dappChannel';
import type { QueuedRequest } from './requestQueue';
import { afterEarlierCalls, createDappSigning } from './signingRequests';
import { siteFindings } from './siteFindings';

const temp = useTempDatabase('dapp-signing-');
const TO = '0x00000000000000000000000000000000000000aa';
const HASH = `0x${'ab'.repeat(32)}`;
const SIGNATURE = `0x${'11'.repeat(65)}`;

function txReview(findings: Finding[] = []): TxReview {
  return { findings, blocked: false } as unknown as TxReview;
}

function sent(id: number): OutgoingView {
  return { id, hash: `0x${id.toString(16).padStart(64, '0')}` } as OutgoingView;
}

function harness() {
  const tx = {
    review: vi.fn(async () => txReview()),
    send: vi.fn(async () => ({ ...sent(1), hash: HASH })),
    list: vi.fn((): OutgoingView[] => []),
  };
  const signed = { signature: SIGNATURE } as never;
  const signers = {
    signMessage: vi.fn(async () => signed),
    reviewTypedData: vi.fn(async () => ({ findings: [] }) as never),
    signTypedData: vi.fn(async () => signed),
  };
  const shown: string[] = [];
  const signing = createDappSigning({
    db: temp.db,
    repositories: {
      accounts: { list: () => ACCOUNTS, get: (id: number) => ACCOUNTS[id - 1] } as never,
      devices: { get: () => ({ name: 'Nano X' }) } as never,
    },
    tx,
    signers,
    nativeDecimals: async () => 18,
    chain: { receipts: async (_chainId, hashes) => hashes.map(() => null) },
    enabledChainIds: () => [1],
    siteFindings: (origin, via) =>
      siteFindings(origin, via, { sites: [], sessions: [], verifyOn: true, now: 1_800_000_000_000 }),
    showCallsStatus: (origin, id) => shown.push(`${origin} ${id}`),
    log: { warn: () => {} },
    now: () => 1_800_000_000_000,
  });
  const spies = [tx.send, signers.signMessage, signers.signTypedData];
  return { signing, tx, signers, shown, spies };
}

function queued(method: string, params: unknown, detail: unknown, via = EXTENSION): QueuedRequest {
  const id = 'a'.repeat(32);
  return { id, origin: SITE.origin, via, method, params, receivedAt: 0, detail } as QueuedRequest;
}

describe('createDappSigning', () => {
  it('sends an approved transaction through the send path, with the site’s findings leading', async () => {
    const { signing, tx } = harness();
    const params = [{ from: FIRST.address, to: TO, value: '0xde0b6b3a7640000', data: '0x' }];
    const detail = signing.parse('eth_sendTransaction', params, SITE);
    await expect(
      signing.approve(queued('eth_sendTransaction', params, detail), { id: 'a'.repeat(32) }),
    ).resolves.toBe(HASH);
    expect(tx.send).toHaveBeenCalledWith(
      {
        accountId: 1,
        chainId: 1,
        to: TO,
        asset: 'native',
        amount: '1.0',
        data: '0x',
        speed: 'normal',
        allowRevert: false,
      },
      {
        leadingFindings: [
          expect.objectContaining({ code: 'site-origin' }),
          expect.objectContaining({ code: 'first-visit-site' }),
        ],
      },
    );
  });

  it('signs a message’s own bytes, and reviews it with the site’s findings and the signer', async () => {
    const { signing, signers } = harness();
    const message = hexlify(toUtf8Bytes('Sign in'));
    const request = queued(
      'personal_sign',
      [message, FIRST.address],
      signing.parse('personal_sign', [message, FIRST.address], SITE),
    );
    await expect(signing.review(request)).resolves.toMatchObject({
      type: 'message',
      findings: [{ code: 'site-origin' }, { code: 'first-visit-site' }],
      signer: { kind: 'ledger', label: 'Nano X' },
    });
    await expect(signing.approve(request, { id: request.id })).resolves.toBe(SIGNATURE);
    expect(signers.signMessage).toHaveBeenCalledWith(1, toUtf8Bytes('Sign in'));
  });

  it('leads a WalletConnect request’s review with how it came, and a threat blocks it', async () => {
    const { signing, tx } = harness();
    // As the send path does: the leading findings come first in the review it returns.
    const prepended = async (_draft: unknown, options: { leadingFindings: Finding[] }) =>
      txReview(options.leadingFindings);
    tx.review.mockImplementationOnce(prepended as never);
    const params = [{ from: FIRST.address, to: TO, value: '0x1', data: '0x' }];
    const via = sessionChannel({ verification: 'threat' });
    const request = queued(
      'eth_sendTransaction',
      params,
      signing.parse('eth_sendTransaction', params, SITE),
      via,
    );
    const review = await signing.review(request);
    expect(review).toMatchObject({ type: 'transaction', reviews: [{ blocked: true }] });
    expect(tx.review.mock.calls[0]?.at(1)).toEqual({
      leadingFindings: [
        expect.objectContaining({ code: 'site-origin', message: expect.stringContaining('WalletConnect') }),
        expect.objectContaining({ code: 'dapp-known-threat', severity: 'blocking', overridable: true }),
        expect.objectContaining({ code: 'first-visit-site' }),
      ],
    });
  });

  it('signs typed data against the site’s chain, with the user’s consents', async () => {
    const { signing, signers } = harness();
    const params = [FIRST.address, JSON.stringify(permit2Single())];
    const request = queued(
      'eth_signTypedData_v4',
      params,
      signing.parse('eth_signTypedData_v4', params, SITE),
    );
    await signing.approve(request, { id: request.id, allowBlindSigning: true });
    expect(signers.signTypedData).toHaveBeenCalledWith(
      { accountId: 1, typedData: permit2Single(), allowMissingChainId: false, allowBlindSigning: true },
      expect.objectContaining({ chainId: 1 }),
    );
  });

  it('tells the site 4001 when the user rejects on the device', async () => {
    const { signing, signers } = harness();
    signers.signMessage.mockRejectedValueOnce(new DeviceError('rejected', 'Rejected on the Nano X.', null));
    const params = ['0x1234', FIRST.address];
    const request = queued('personal_sign', params, signing.parse('personal_sign', params, SITE));
    await expect(signing.approve(request, { id: request.id })).rejects.toMatchObject({ code: 4001 });
  });

  it('lets nothing malformed reach a signer, at parse or at approval', async () => {
    const { signing, spies } = harness();
    expect(() => signing.parse('eth_sendTransaction', [{ from: FIRST.address }], SITE)).toThrow();
    expect(() => signing.parse('personal_sign', ['0x1', FIRST.address], SITE)).toThrow();
    expect(() => signing.parse('eth_signTypedData_v4', [FIRST.address, '{'], SITE)).toThrow();
    expect(() => signing.parse('wallet_sendCalls', [{ calls: [] }], SITE)).toThrow();
    const tampered = [
      queued('personal_sign', [], { type: 'message', account: { accountId: 1 }, text: null, hex: 'zz' }),
      queued('eth_signTypedData_v4', [FIRST.address, '{'], {
        type: 'typed-data',
        chainId: 1,
        account: { accountId: 1, address: FIRST.address, label: FIRST.label },
      }),
      queued('eth_sendTransaction', [], { type: 'transaction', chainId: 1, call: { to: TO } }),
      queued('eth_requestAccounts', [], { type: 'connect', chainId: 1 }),
    ];
    for (const request of tampered) {
      await expect(signing.approve(request, { id: request.id })).rejects.toThrow();
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('reviews every call of a batch, a later call’s revert as a warning', async () => {
    const { signing, tx } = harness();
    const reverts = finding('reverts', 'blocking', 'This transaction fails.', { overridable: true });
    tx.review.mockResolvedValue({ ...txReview([reverts]), blocked: true });
    const params = [
      { version: '2.0.0', chainId: '0x1', atomicRequired: false, calls: [{ to: TO }, { to: TO }] },
    ];
    const review = await signing.review(
      queued('wallet_sendCalls', params, signing.parse('wallet_sendCalls', params, SITE)),
    );
    expect(
      review.type === 'transaction' &&
        review.reviews.map((item) => [item.blocked, item.findings[0]?.severity]),
    ).toEqual([
      [true, 'blocking'],
      [false, 'warning'],
    ]);
  });

  it('answers the batch questions for the site that sent it only', async () => {
    const { signing, shown } = harness();
    const params = [{ version: '2.0.0', chainId: '0x1', atomicRequired: false, calls: [{ to: TO }] }];
    const request = queued('wallet_sendCalls', params, signing.parse('wallet_sendCalls', params, SITE));
    const { id } = (await signing.approve(request, { id: request.id })) as { id: string };
    expect(id).toMatch(/^0x[0-9a-f]{64}$/);
    await expect(signing.answer('wallet_showCallsStatus', [id], SITE)).resolves.toBeNull();
    expect(shown).toEqual([`${SITE.origin} ${id}`]);
    const other = { ...SITE, origin: 'https://other.example.org' };
    await expect(signing.answer('wallet_getCallsStatus', [id], other)).rejects.toMatchObject({ code: 5730 });
    await expect(signing.answer('wallet_getCapabilities', [FIRST.address], SITE)).resolves.toEqual({
      '0x1': { atomic: { status: 'unsupported' } },
    });
    await expect(signing.answer('eth_foo', [], SITE)).rejects.toMatchObject({ code: 4200 });
  });

  it('keeps a session’s batches its own, apart from the extension’s site of the same origin', async () => {
    const { signing } = harness();
    const params = [{ version: '2.0.0', chainId: '0x1', atomicRequired: false, calls: [{ to: TO }] }];
    const via = sessionChannel();
    const request = queued('wallet_sendCalls', params, signing.parse('wallet_sendCalls', params, SITE), via);
    const { id } = (await signing.approve(request, { id: request.id })) as { id: string };
    await expect(signing.answer('wallet_getCallsStatus', [id], SITE)).rejects.toMatchObject({ code: 5730 });
    await expect(
      signing.answer('wallet_getCallsStatus', [id], SITE, `wc:${'c'.repeat(64)}`),
    ).resolves.toMatchObject({ id });
  });
});

describe('afterEarlierCalls', () => {
  it('leaves a review without a revert as it is', () => {
    const review = txReview([finding('site-origin', 'info', 'Requested by https://a.example')]);
    expect(afterEarlierCalls(review)).toEqual(review);
  });
});
