import { AbiCoder, keccak256 } from 'ethers';
import { describe, expect, it } from 'vitest';
import type { PhoneReview } from '../../shared/pairing/phoneReview';
import { describeRequest } from './requestView';
import { reviewRefusal } from './reviewCheck';
import type { SignRequestMessage } from './signRequest';
import { ALICE, NOW, signRequest } from '../../../test/companion/signRequestFixture';
import { phoneReviewFor, reviewedRequest } from '../../../test/companion/phoneReviewFixture';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const MALLORY = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const abi = AbiCoder.defaultAbiCoder();
const transferData = abi.encode(['address', 'uint256'], [ALICE, 5_000_000n]).replace(/^0x/, '0xa9059cbb');
const approveData = abi.encode(['address', 'uint256'], [ALICE, 5_000_000n]).replace(/^0x/, '0x095ea7b3');
const tokenTx = (data: string) => ({ to: USDC, value: '0', data, gasLimit: '60000' });

const refusal = (request: SignRequestMessage) => reviewRefusal(request, describeRequest(request, NOW));
/** A request for `tx` whose review is of that same transaction, changed by `overrides`. */
function tokenRequest(data: string, overrides: Partial<PhoneReview>): SignRequestMessage {
  const request = signRequest({}, tokenTx(data));
  return { ...request, review: phoneReviewFor(request, overrides) };
}

describe('reviewRefusal', () => {
  it('leaves to the user a request whose review agrees with the transaction, and one without a review', () => {
    expect(refusal(reviewedRequest())).toBeNull();
    expect(refusal(signRequest())).toBeNull();
    const transfer = { action: 'token-transfer' as const, counterparty: ALICE, tokenAmount: '5000000' };
    expect(refusal(tokenRequest(transferData, transfer))).toBeNull();
  });

  it('refuses what the desktop blocked, with its first blocking sentence, within 200 characters', () => {
    const findings = [
      { code: 'first-time-recipient', severity: 'info' as const, message: 'First time.' },
      { code: 'reverts', severity: 'blocking' as const, message: 'This transaction would fail: out of gas.' },
    ];
    expect(refusal(reviewedRequest({ blocked: true, findings }))).toBe(
      'Your desktop blocked this: This transaction would fail: out of gas. Nothing was signed.',
    );
    expect(refusal(reviewedRequest({ blocked: true }))).toBe(
      'Your desktop blocked this transaction. Nothing was signed.',
    );
    const long = [{ code: 'reverts', severity: 'blocking' as const, message: 'x'.repeat(600) }];
    const reason = refusal(reviewedRequest({ blocked: true, findings: long })) as string;
    expect(reason).toHaveLength(200);
    expect(reason.endsWith('x… Nothing was signed.')).toBe(true);
  });

  it('refuses a review of another transaction: chain, recipient, value, nonce or call data', () => {
    const base = reviewedRequest().review as PhoneReview;
    const other = (reviewed: Partial<PhoneReview['reviewed']>) =>
      refusal(reviewedRequest({ reviewed: { ...base.reviewed, ...reviewed } }));
    expect(other({ chainId: 10 })).toBe(
      "The desktop's review is for chain 10, the transaction for chain 1. Nothing was signed.",
    );
    expect(other({ to: MALLORY })).toBe(
      `The desktop's review is for a transaction to ${MALLORY}, this one goes to ${ALICE}. Nothing was signed.`,
    );
    expect(other({ to: null })).toMatch(/for a transaction to a new contract/);
    expect(other({ value: '1' })).toMatch(
      /review sends 1 base units of the coin, the transaction 1500000000000000000/,
    );
    expect(other({ nonce: 4 })).toMatch(/for nonce 4, the transaction has nonce 3/);
    expect(other({ dataHash: keccak256('0x01') })).toMatch(/other call data/);
    // Addresses compare whatever their case.
    expect(other({ to: ALICE.toLowerCase() })).toBeNull();
  });

  it('refuses a recipient, spender or amount other than the one the phone decodes', () => {
    expect(refusal(reviewedRequest({ counterparty: MALLORY }))).toBe(
      `The desktop names ${MALLORY} as recipient, the phone reads ${ALICE}. Nothing was signed.`,
    );
    const transfer = { action: 'token-transfer' as const, counterparty: ALICE, tokenAmount: '5000000' };
    expect(refusal(tokenRequest(transferData, { ...transfer, tokenAmount: '50000000' }))).toMatch(
      /token amount of 50000000 base units, the phone 5000000/,
    );
    const approval = { ...transfer, action: 'approval' as const, counterparty: MALLORY };
    expect(refusal(tokenRequest(approveData, approval))).toMatch(
      /names 0x3C44.* as spender, the phone reads/,
    );
  });

  it('refuses a kind of action the phone reads otherwise, but not a contract call it could not name', () => {
    const transfer = { action: 'token-transfer' as const, counterparty: ALICE, tokenAmount: '5000000' };
    expect(refusal(tokenRequest(approveData, transfer))).toBe(
      'The desktop calls this a token transfer, the phone reads a token approval. Nothing was signed.',
    );
    expect(refusal(reviewedRequest({ action: 'approval' }))).toMatch(
      /calls this a token approval, the phone reads a transfer of the native coin/,
    );
    expect(refusal(reviewedRequest({ action: 'cancel' }))).toBeNull();
    const call = { action: 'contract-call' as const, counterparty: null, tokenAmount: null };
    expect(refusal(tokenRequest(approveData, call))).toBeNull();
    // The phone does not decode increaseAllowance; the desktop's approval there contradicts nothing it read.
    const increase = approveData.replace(/^0x095ea7b3/, '0x39509351');
    expect(
      refusal(tokenRequest(increase, { ...transfer, action: 'approval', counterparty: MALLORY })),
    ).toBeNull();
  });
});
