import { describe, expect, it } from 'vitest';
import type { DappRequestDetail, DappReview } from '../../shared/dapps';
import {
  addZkSync,
  chainlessTypedDataReview,
  newSiteFindings,
  SITE_ACCOUNT,
} from '../../../test/renderer/dappsFixture';
import { revertReview, txReview } from '../../../test/renderer/double/txReviewFixture';
import {
  approvalOf,
  approveLabel,
  canApprove,
  NO_CHOICES,
  sessionChains,
  withoutSiteFindings,
} from './requestApproval';

const ID = 'a'.repeat(32);
const CALL = { to: '0x2222222222222222222222222222222222222222', value: '0', data: '0x' };
const transaction: DappRequestDetail = { type: 'transaction', chainId: 1, account: SITE_ACCOUNT, call: CALL };
const typedData: DappRequestDetail = { type: 'typed-data', chainId: 1, account: SITE_ACCOUNT };

describe('approvalOf', () => {
  it('sends only the fields that apply to the kind, as main refuses the others', () => {
    const choices = {
      accountIds: [1, 2],
      optionalChainIds: [],
      allowRevert: true,
      consents: { allowMissingChainId: true, allowBlindSigning: false },
    };
    expect(approvalOf(ID, { type: 'connect', chainId: 1 }, choices)).toEqual({ id: ID, accountIds: [1, 2] });
    expect(approvalOf(ID, transaction, choices)).toEqual({ id: ID, allowRevert: true });
    expect(approvalOf(ID, typedData, choices)).toEqual({
      id: ID,
      allowMissingChainId: true,
      allowBlindSigning: false,
    });
    expect(approvalOf(ID, { type: 'switch-chain', chainId: 10, chainName: 'OP Mainnet' }, choices)).toEqual({
      id: ID,
    });
  });
});

describe('a WalletConnect session proposal', () => {
  const proposal: DappRequestDetail = {
    type: 'session',
    name: 'Uniswap',
    description: '',
    url: 'https://app.uniswap.org',
    verification: 'validated',
    requiredChainIds: [1],
    optionalChainIds: [8453, 10, 1],
    methods: ['personal_sign'],
  };

  it('grants every required network, and only the optional ones ticked, each once', () => {
    const choices = { ...NO_CHOICES, accountIds: [1], optionalChainIds: [10, 1, 42161] };
    expect(sessionChains(proposal, choices)).toEqual([1, 10]);
    expect(approvalOf(ID, proposal, choices)).toEqual({ id: ID, accountIds: [1], chainIds: [1, 10] });
    expect(approveLabel(proposal, null)).toBe('Connect');
  });

  it('connects only with an account and at least one network', () => {
    expect(canApprove(proposal, null, NO_CHOICES)).toBe(false);
    expect(canApprove(proposal, null, { ...NO_CHOICES, accountIds: [1] })).toBe(true);
    const optionalOnly = { ...proposal, requiredChainIds: [] };
    expect(canApprove(optionalOnly, null, { ...NO_CHOICES, accountIds: [1] })).toBe(false);
    expect(canApprove(optionalOnly, null, { ...NO_CHOICES, accountIds: [1], optionalChainIds: [10] })).toBe(
      true,
    );
  });
});

describe('canApprove and approveLabel', () => {
  it('waits for the review of anything signed, and names the device that signs', () => {
    const reviewed: DappReview = { type: 'transaction', reviews: [txReview()] };
    expect(canApprove(transaction, null, NO_CHOICES)).toBe(false);
    expect(approveLabel(transaction, null)).toBe('Sign');
    expect(canApprove(transaction, reviewed, NO_CHOICES)).toBe(true);
    expect(approveLabel(transaction, reviewed)).toBe('Sign on Ledger Cold storage');
  });

  it('signs a batch only when every call may be signed', () => {
    const reviewed: DappReview = { type: 'transaction', reviews: [txReview(), revertReview()] };
    expect(canApprove(transaction, reviewed, NO_CHOICES)).toBe(false);
    expect(canApprove(transaction, reviewed, { ...NO_CHOICES, allowRevert: true })).toBe(true);
    const watchOnly = { ...txReview(), device: null, cannotSign: 'This account is watch-only.' };
    expect(canApprove(transaction, { type: 'transaction', reviews: [watchOnly] }, NO_CHOICES)).toBe(false);
  });

  it('signs typed data only with the consents its review needs', () => {
    const reviewed: DappReview = { type: 'typed-data', review: chainlessTypedDataReview() };
    expect(canApprove(typedData, reviewed, NO_CHOICES)).toBe(false);
    const consents = { allowMissingChainId: true, allowBlindSigning: false };
    expect(canApprove(typedData, reviewed, { ...NO_CHOICES, consents })).toBe(true);
    const blocked = { ...reviewed, review: { ...reviewed.review, blocked: true } };
    expect(canApprove(typedData, blocked, { ...NO_CHOICES, consents })).toBe(false);
  });

  it('adds a network only when its RPC answered the chain id the site claims', () => {
    expect(canApprove(addZkSync(324), null, NO_CHOICES)).toBe(true);
    expect(canApprove(addZkSync(1), null, NO_CHOICES)).toBe(false);
    expect(canApprove(addZkSync(null), null, NO_CHOICES)).toBe(false);
  });

  it('connects only with at least one account', () => {
    const connect: DappRequestDetail = { type: 'connect', chainId: 1 };
    expect(canApprove(connect, null, NO_CHOICES)).toBe(false);
    expect(canApprove(connect, null, { ...NO_CHOICES, accountIds: [1] })).toBe(true);
  });
});

describe('withoutSiteFindings', () => {
  it('leaves the site’s findings to the sheet’s header and keeps the review’s own', () => {
    const review = txReview();
    const own = review.findings;
    const mixed = { ...review, findings: [...newSiteFindings('https://app.example.org'), ...own] };
    expect(withoutSiteFindings(mixed).findings).toEqual(own);
    expect(withoutSiteFindings(mixed).blocked).toBe(review.blocked);
  });
});

describe('a dApp Verify lists as a threat', () => {
  const threat = {
    code: 'dapp-known-threat' as const,
    severity: 'blocking' as const,
    overridable: true,
    message: 'WalletConnect Verify lists this dApp as a known threat.',
    facts: [],
    fix: null,
  };
  const connect = { type: 'connect' as const, chainId: 1 };

  it('holds Approve until the user says to go on, and then tells main so', () => {
    const picked = { ...NO_CHOICES, accountIds: [1] };
    expect(canApprove(connect, null, picked, [threat])).toBe(false);
    expect(canApprove(connect, null, { ...picked, allowRevert: true }, [threat])).toBe(true);
    expect(approvalOf(ID, connect, { ...picked, allowRevert: true }, [threat])).toEqual({
      id: ID,
      accountIds: [1],
      allowRevert: true,
    });
    // Without such a finding the choice is not sent where it does not apply.
    expect(approvalOf(ID, connect, { ...picked, allowRevert: true })).toEqual({ id: ID, accountIds: [1] });
  });
});
