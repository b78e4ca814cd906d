import type { ProposalTypes } from '@walletconnect/types';
import { describe, expect, it } from 'vitest';
import { cleanText, claimedOrigin, readProposal } from './sessionProposal';

const known = (chainId: number) => [1, 10, 8453].includes(chainId);

function proposal(
  overrides: Partial<ProposalTypes.Struct> = {},
  metadata: object = {},
): ProposalTypes.Struct {
  return {
    id: 1,
    expiryTimestamp: 0,
    relays: [{ protocol: 'irn' }],
    proposer: {
      publicKey: 'a'.repeat(64),
      metadata: {
        name: 'Swap',
        description: 'Swaps tokens',
        url: 'https://app.swap.example/path',
        icons: [],
        ...metadata,
      },
    },
    requiredNamespaces: {},
    optionalNamespaces: {
      eip155: {
        chains: ['eip155:1', 'eip155:10'],
        methods: ['personal_sign', 'eth_sign', 'eth_chainId'],
        events: [],
      },
    },
    pairingTopic: 'b'.repeat(64),
    ...overrides,
  };
}

const verified = {
  verified: {
    origin: 'https://app.swap.example',
    validation: 'VALID' as const,
    verifyUrl: 'https://verify.test',
  },
};

describe('readProposal', () => {
  it('reads the metadata, Verify, chains and the methods the wallet serves', () => {
    expect(readProposal(proposal(), verified, known)).toEqual({
      proposal: {
        origin: 'https://app.swap.example',
        name: 'Swap',
        description: 'Swaps tokens',
        url: 'https://app.swap.example/path',
        verification: 'validated',
        requiredChainIds: [],
        optionalChainIds: [1, 10],
        methods: ['personal_sign', 'eth_chainId'],
      },
    });
  });

  it('keeps required chains apart, drops unknown optional ones and reads chains named by the key', () => {
    const read = readProposal(
      proposal({
        requiredNamespaces: {
          eip155: { chains: ['eip155:8453'], methods: ['eth_sendTransaction'], events: [] },
        },
        optionalNamespaces: {
          'eip155:10': { methods: [], events: [] },
          eip155: { chains: ['eip155:8453', 'eip155:424242'], methods: [], events: [] },
          solana: { chains: ['solana:5eykt4'], methods: ['solana_signMessage'], events: [] },
        },
      }),
      undefined,
      known,
    );
    expect(read).toMatchObject({
      proposal: { requiredChainIds: [8453], optionalChainIds: [10], methods: ['eth_sendTransaction'] },
    });
  });

  it('refuses a required chain the wallet does not know, and a required non-EVM namespace', () => {
    const unknownChain = proposal({
      requiredNamespaces: { eip155: { chains: ['eip155:1', 'eip155:424242'], methods: [], events: [] } },
    });
    expect(readProposal(unknownChain, undefined, known)).toEqual({
      refusal: { sdkError: 'UNSUPPORTED_CHAINS', reason: expect.stringContaining('424242') },
    });
    const solana = proposal({
      requiredNamespaces: { solana: { chains: ['solana:x'], methods: [], events: [] } },
    });
    expect(readProposal(solana, undefined, known)).toMatchObject({
      refusal: { sdkError: 'UNSUPPORTED_NAMESPACE_KEY' },
    });
    const none = proposal({
      optionalNamespaces: { eip155: { chains: ['eip155:424242'], methods: [], events: [] } },
    });
    expect(readProposal(none, undefined, known)).toMatchObject({
      refusal: { sdkError: 'UNSUPPORTED_CHAINS' },
    });
  });

  it('refuses a dApp without a web address a site may have', () => {
    for (const url of [
      'http://swap.example',
      'javascript:alert(1)',
      'not a url',
      undefined,
      'https://' + 'a'.repeat(3000),
    ]) {
      expect(readProposal(proposal({}, { url }), undefined, known)).toMatchObject({
        refusal: { sdkError: 'USER_REJECTED' },
      });
    }
  });

  it('cleans and caps what the dApp says of itself, and names it by its host when it gives no name', () => {
    const read = readProposal(
      proposal({}, { name: '\u202eUniswap\u0000\n  Official ', description: 'x'.repeat(1000) }),
      undefined,
      known,
    );
    expect(read).toMatchObject({ proposal: { name: 'Uniswap Official', verification: 'unknown' } });
    expect('proposal' in read && read.proposal.description.length).toBe(300);
    expect(readProposal(proposal({}, { name: 42 }), undefined, known)).toMatchObject({
      proposal: { name: 'app.swap.example' },
    });
  });
});

describe('cleanText and claimedOrigin', () => {
  it('strip controls and keep only site origins', () => {
    expect(cleanText('a\u200bb\tc', 10)).toBe('a b c');
    expect(cleanText(['a'], 10)).toBe('');
    expect(claimedOrigin('http://localhost:3000/x')).toBe('http://localhost:3000');
    expect(claimedOrigin('https://APP.example.org:8443/a?b')).toBe('https://app.example.org:8443');
    expect(claimedOrigin('wss://app.example.org')).toBeUndefined();
  });
});
