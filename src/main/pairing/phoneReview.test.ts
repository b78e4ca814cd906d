import { keccak256 } from 'ethers';
import { describe, expect, it } from 'vitest';
import { PhoneReview } from '../../shared/pairing/phoneReview';
import type { BalanceChange, Finding } from '../../shared/review';
import { txReviewFixture } from '../../../test/tx/txReviewFixture';
import { phoneReview } from './phoneReview';

const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const TOKEN = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const ROUTER = '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD';
const LEDGER = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';

const finding = (overrides: Partial<Finding>): Finding => ({
  code: 'first-time-recipient',
  severity: 'info',
  overridable: false,
  message: 'You have not sent to this address before.',
  facts: [{ label: 'Balance', value: '1 ETH' }],
  fix: null,
  ...overrides,
});

const change = (delta: string, symbol = 'TKN'): BalanceChange => ({
  account: { address: LEDGER.toLowerCase(), name: 'Ledger main', source: 'account' },
  asset: { kind: 'erc20', token: TOKEN, symbol, decimals: 18, tokenId: null },
  delta,
});

const approve = `0x095ea7b3${ROUTER.slice(2).toLowerCase().padStart(64, '0')}${'f'.repeat(64)}`;

describe('phoneReview', () => {
  it('carries the summary, findings, balance changes and the transaction reviewed, in a valid message', () => {
    const review = txReviewFixture({
      findings: [finding({}), finding({ code: 'reverts', severity: 'blocking', message: 'It would fail.' })],
      blocked: true,
      simulation: {
        status: 'simulated',
        balanceChanges: [change('-100000000000000000000'), change('0'), change('0005', 'ETH')],
        reverted: false,
        revertReason: null,
        gasUsed: '021000',
        note: null,
      },
    });
    const sent = phoneReview(review);
    expect(sent).toEqual({
      summary: 'Send 0.01 ETH to Bob',
      blocked: true,
      findings: [
        {
          code: 'first-time-recipient',
          severity: 'info',
          message: 'You have not sent to this address before.',
        },
        { code: 'reverts', severity: 'blocking', message: 'It would fail.' },
      ],
      // No-change rows are left out and numbers get their one spelling.
      balanceChanges: [
        {
          account: { address: LEDGER, name: 'Ledger main' },
          symbol: 'TKN',
          decimals: 18,
          delta: '-100000000000000000000',
          tokenId: null,
        },
        {
          account: { address: LEDGER, name: 'Ledger main' },
          symbol: 'ETH',
          decimals: 18,
          delta: '5',
          tokenId: null,
        },
      ],
      gasUsed: '21000',
      simulation: 'simulated',
      note: null,
      reviewed: { chainId: 1, to: BOB, value: '10000000000000000', nonce: 0, dataHash: keccak256('0x') },
      action: 'native-transfer',
      counterparty: BOB,
      tokenAmount: null,
    });
    expect(PhoneReview.parse(sent)).toEqual(sent);
  });

  it('carries a dApp’s site findings, so the phone names the site that asks', () => {
    const origin = finding({
      code: 'site-origin',
      message: 'Requested by https://app.example.org',
      facts: [],
    });
    const lookalike = finding({
      code: 'look-alike-site',
      severity: 'warning',
      message: 'It looks like uniswap.org.',
    });
    const sent = phoneReview(txReviewFixture({ findings: [origin, lookalike] }));
    expect(PhoneReview.parse(sent).findings).toEqual([
      { code: 'site-origin', severity: 'info', message: 'Requested by https://app.example.org' },
      { code: 'look-alike-site', severity: 'warning', message: 'It looks like uniswap.org.' },
    ]);
  });

  it('names the spender and the raw allowance of an approval, and nobody for a contract call', () => {
    const amount = { value: (2n ** 256n - 1n).toString(), decimals: 6, symbol: 'USDC', unlimited: true };
    const approval = phoneReview(
      txReviewFixture({
        summary: 'Approve Uniswap to spend unlimited USDC',
        action: {
          type: 'approval',
          token: { address: TOKEN, name: 'USDC', source: 'token-list' },
          spender: { address: ROUTER.toLowerCase(), name: 'Uniswap', source: 'known-contract' },
          amount,
        },
        transaction: { to: TOKEN, value: '0', data: approve, nonce: 4 },
      }),
    );
    expect(approval).toMatchObject({
      action: 'approval',
      counterparty: ROUTER,
      tokenAmount: amount.value,
      reviewed: { to: TOKEN, value: '0', nonce: 4, dataHash: keccak256(approve) },
    });

    const call = phoneReview(
      txReviewFixture({
        action: {
          type: 'contract-call',
          to: { address: TOKEN, name: null, source: 'none' },
          method: 'claim()',
          value: { value: '0', decimals: 18, symbol: 'ETH', unlimited: false },
        },
      }),
    );
    expect(call).toMatchObject({ action: 'contract-call', counterparty: null, tokenAmount: null });
  });

  it('replaces control and invisible direction characters, which the phone refuses, and keeps the rest', () => {
    const sent = phoneReview(
      txReviewFixture({
        summary: 'Send 1 \u202EDSU\u202C to Bob\n',
        findings: [finding({ message: 'Zero\u200Bwidth, emoji 🦊 kept' })],
      }),
    );
    expect(sent.summary).toBe('Send 1 \uFFFDDSU\uFFFD to Bob\uFFFD');
    expect(sent.findings[0]?.message).toBe('Zero\uFFFDwidth, emoji 🦊 kept');
    expect(PhoneReview.safeParse(sent).success).toBe(true);
  });
});
