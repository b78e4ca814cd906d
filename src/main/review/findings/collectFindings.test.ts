import { describe, expect, it } from 'vitest';
import { type Finding, Finding as FindingSchema, type ReviewAction } from '../../../shared/review';
import { toChecksumAddress } from '../../store/address';
import { collectFindings, isBlocked, type ReviewFacts } from './collectFindings';

const ETH = 10n ** 18n;
const ME = toChecksumAddress('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
const ALICE = toChecksumAddress('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
const LOOKALIKE = toChecksumAddress('0x7099aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa79c8');
const USDC = toChecksumAddress('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');
const SPENDER = toChecksumAddress('0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc');
const eth = (value: bigint) => ({ value: value.toString(), decimals: 18, symbol: 'ETH', unlimited: false });
const party = (address: string) => ({ address, name: null, source: 'none' as const });
const sendTo = (to: string, value = ETH): ReviewAction => ({
  type: 'native-transfer',
  to: party(to),
  amount: eth(value),
});

const facts = (overrides: Partial<ReviewFacts> = {}): ReviewFacts => ({
  action: sendTo(ALICE),
  purpose: 'send',
  chainId: 1,
  from: ME,
  to: ALICE,
  signerChainId: 1,
  chainName: (chainId) => (chainId === 1 ? 'Ethereum' : 'Base'),
  native: { symbol: 'ETH', decimals: 18 },
  balance: 10n * ETH,
  tokenBalance: null,
  value: ETH,
  maxFee: 10n ** 15n,
  nonce: 4,
  pendingNonce: 4,
  ownOpenNonces: [],
  fromCode: '0x',
  toCode: '0x',
  spenderCode: null,
  simulation: { reverted: false, revertReason: null, status: 'simulated', note: null },
  senderChanges: [],
  previousRecipients: [ALICE],
  knownAddresses: [ALICE],
  tokenAddresses: new Set([USDC]),
  allowRevert: false,
  ...overrides,
});
const codes = (found: Finding[]) => found.map((item) => item.code);

describe('collectFindings', () => {
  it('finds nothing in an ordinary send to a known recipient', () => {
    expect(collectFindings(facts())).toEqual([]);
  });

  it('orders blocking, then warnings, then notes, each valid for the shared schema', () => {
    const found = collectFindings(
      facts({
        action: sendTo(ME, 20n * ETH),
        to: ME,
        value: 20n * ETH,
        nonce: 6,
        signerChainId: 8453,
        simulation: { reverted: true, revertReason: 'nope', status: 'simulated', note: null },
      }),
    );
    expect(codes(found)).toEqual([
      'insufficient-balance',
      'chain-mismatch',
      'reverts',
      'nonce-gap',
      'self-recipient',
    ]);
    for (const item of found) FindingSchema.parse(item);
  });

  it('runs every recipient check on a transfer', () => {
    const found = collectFindings(
      facts({ action: sendTo(LOOKALIKE), to: LOOKALIKE, previousRecipients: [] }),
    );
    expect(codes(found)).toEqual(['look-alike-recipient', 'first-time-recipient']);
    expect(
      codes(collectFindings(facts({ action: sendTo(USDC), to: USDC, previousRecipients: [USDC] }))),
    ).toEqual(['recipient-is-token']);
  });

  it('flags an unlimited approval to an account without code, and nothing for its revoke', () => {
    const approval = (value: bigint): ReviewAction => ({
      type: 'approval',
      token: party(USDC),
      spender: party(SPENDER),
      amount: { value: value.toString(), decimals: 6, symbol: 'USDC', unlimited: value >= 2n ** 255n },
    });
    const base = { to: USDC, toCode: '0x6080', spenderCode: '0x', value: 0n };
    expect(codes(collectFindings(facts({ ...base, action: approval(2n ** 256n - 1n) })))).toEqual([
      'unlimited-approval',
      'approval-to-no-code',
    ]);
    expect(collectFindings(facts({ ...base, action: approval(0n) }))).toEqual([]);
  });

  it('flags a collection approval, a delegated sender, a failed simulation and a call without code', () => {
    const collection: ReviewAction = {
      type: 'approval-for-all',
      collection: party(USDC),
      operator: party(SPENDER),
      approved: true,
    };
    expect(
      codes(
        collectFindings(
          facts({ action: collection, to: USDC, toCode: '0x60', spenderCode: '0x', value: 0n }),
        ),
      ),
    ).toEqual(['unlimited-approval', 'approval-to-no-code']);
    const call: ReviewAction = {
      type: 'contract-call',
      to: party(SPENDER),
      method: 'claim()',
      value: eth(0n),
    };
    const found = collectFindings(
      facts({
        action: call,
        to: SPENDER,
        value: 0n,
        fromCode: `0xef0100${SPENDER.slice(2)}`,
        simulation: { reverted: false, revertReason: null, status: 'failed', note: null },
      }),
    );
    expect(codes(found)).toEqual(['simulation-failed', 'delegated-sender', 'no-code']);
  });
});

describe('isBlocked', () => {
  const [revert] = collectFindings(
    facts({ simulation: { reverted: true, revertReason: null, status: 'simulated', note: null } }),
  );
  const [balance] = collectFindings(facts({ balance: 0n }));

  it('blocks on a revert until the user overrides it', () => {
    expect(revert?.code).toBe('reverts');
    expect(isBlocked([revert as Finding], false)).toBe(true);
    expect(isBlocked([revert as Finding], true)).toBe(false);
  });

  it('blocks on what cannot be overridden, whatever the user says', () => {
    expect(balance?.code).toBe('insufficient-balance');
    expect(isBlocked([revert as Finding, balance as Finding], true)).toBe(true);
  });

  it('says an unaffordable send once: the node refusing to simulate it adds nothing to the balance finding', () => {
    const simulation = {
      reverted: false,
      revertReason: null,
      status: 'failed' as const,
      note: 'The network would not run this transaction: the account cannot pay.',
    };
    const codes = (found: Finding[]) => found.map((item) => item.code);
    expect(codes(collectFindings(facts({ simulation, value: 100n * ETH })))).toEqual([
      'insufficient-balance',
    ]);
    expect(codes(collectFindings(facts({ simulation })))).toEqual(['simulation-failed']);
  });

  it('never blocks on warnings or notes', () => {
    expect(isBlocked(collectFindings(facts({ previousRecipients: [], nonce: 9 })), false)).toBe(false);
  });
});
