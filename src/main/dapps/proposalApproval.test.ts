import { describe, expect, it } from 'vitest';
import { fakeWallet, SITE } from '../../../test/dapps/dappsHarness';
import type { SessionProposal } from './dappGateway';
import { approveSession, proposalRequest } from './proposalApproval';
import { ProviderError } from './providerError';

const PROPOSAL: SessionProposal = {
  origin: SITE,
  name: 'Example dApp',
  description: 'Swaps',
  url: `${SITE}/swap`,
  verification: 'mismatch',
  requiredChainIds: [1],
  optionalChainIds: [137],
  methods: ['personal_sign'],
};

describe('proposalRequest', () => {
  it('queues the proposal as a session request that came through WalletConnect, with no topic yet', () => {
    const { origin, ...asked } = PROPOSAL;
    expect(proposalRequest(PROPOSAL)).toEqual({
      origin,
      detail: { type: 'session', ...asked },
      via: { kind: 'walletconnect', topic: null, name: 'Example dApp', verification: 'mismatch' },
    });
  });

  it.each([
    ['an origin with a path', { origin: `${SITE}/swap` }, -32600],
    ['a chain id that is not one', { requiredChainIds: [0] }, -32602],
    ['too many methods', { methods: Array.from({ length: 65 }, (_, i) => `m${i}`) }, -32602],
  ])('refuses %s', (_name, overrides, code) => {
    let thrown: unknown;
    try {
      proposalRequest({ ...PROPOSAL, ...overrides });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProviderError);
    expect((thrown as ProviderError).code).toBe(code);
  });
});

describe('approveSession', () => {
  const { detail } = proposalRequest(PROPOSAL);

  it('grants the chosen accounts once each and the chains, turning on a known one that was off', () => {
    const { wallet } = fakeWallet();
    expect(approveSession(wallet, detail, { accountIds: [2, 1, 2], chainIds: [137, 1, 1] })).toEqual({
      accountIds: [2, 1],
      chainIds: [137, 1],
    });
    expect(wallet.enableChain).toHaveBeenCalledTimes(1);
    expect(wallet.enableChain).toHaveBeenCalledWith(137);
  });

  it('turns nothing on when the approval is refused', () => {
    const { wallet } = fakeWallet();
    expect(() => approveSession(wallet, detail, { accountIds: [1], chainIds: [137] })).toThrow(
      /requires chain 1;/,
    );
    expect(wallet.enableChain).not.toHaveBeenCalled();
  });
});
