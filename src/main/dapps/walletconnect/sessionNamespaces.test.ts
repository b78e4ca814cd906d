import type { ProposalTypes } from '@walletconnect/types';
import { describe, expect, it } from 'vitest';
import {
  approvedNamespaces,
  grantFor,
  sessionAccounts,
  sessionScope,
  withAddresses,
} from './sessionNamespaces';

const A = '0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const B = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const accounts = [
  { id: 1, address: A, label: 'Main' },
  { id: 2, address: B, label: 'Second' },
];

const proposal = {
  requiredNamespaces: {},
  optionalNamespaces: {
    eip155: { chains: ['eip155:1', 'eip155:10'], methods: ['personal_sign'], events: ['accountsChanged'] },
  },
} as unknown as ProposalTypes.Struct;

describe('session namespaces', () => {
  it('grant every chosen account on every chosen chain, with the wallet events the dApp asked for', () => {
    const namespaces = approvedNamespaces(proposal, {
      chainIds: [1, 10],
      addresses: [A],
      methods: ['personal_sign'],
    });
    expect(namespaces.eip155).toEqual({
      chains: ['eip155:1', 'eip155:10'],
      accounts: [`eip155:1:${A}`, `eip155:10:${A}`],
      methods: ['personal_sign'],
      events: ['accountsChanged'],
    });
    expect(sessionScope(namespaces)).toEqual({ chainIds: [1, 10], addresses: [A.toLowerCase()] });
  });

  it('cut the accounts to the ones kept, whatever their case', () => {
    const namespaces = approvedNamespaces(proposal, { chainIds: [1], addresses: [A, B], methods: [] });
    const cut = withAddresses(namespaces, [B.toLowerCase()]);
    expect(cut.eip155?.accounts).toEqual([`eip155:1:${B}`]);
    expect(sessionAccounts(sessionScope(cut), accounts).map((account) => account.id)).toEqual([2]);
  });

  it('read only EVM namespaces back', () => {
    const scope = sessionScope({
      'eip155:8453': { accounts: [`eip155:8453:${A}`, 'eip155:8453:0xnope'], methods: [], events: [] },
      solana: { chains: ['solana:x'], accounts: ['solana:x:abc'], methods: [], events: [] },
    });
    expect(scope).toEqual({ chainIds: [8453], addresses: [A.toLowerCase()] });
  });

  it('make a request grant only on a chain the session holds, with the accounts still in the wallet', () => {
    const scope = { chainIds: [1, 10], addresses: [A.toLowerCase(), '0x' + '9'.repeat(40)] };
    const session = {
      topic: 't',
      name: 'Swap',
      verification: 'validated' as const,
      connectedAt: 1,
      lastUsedAt: 2,
    };
    expect(grantFor(session, scope, accounts, 'eip155:10')).toEqual({
      ...session,
      accountIds: [1],
      chainIds: [1, 10],
      chainId: 10,
    });
    expect(grantFor(session, scope, accounts, 'eip155:8453')).toBeUndefined();
    expect(grantFor(session, scope, accounts, 10)).toBeUndefined();
  });
});
