import type { SessionTypes } from '@walletconnect/types';
import { describe, expect, it } from 'vitest';
import { sessionViews } from './walletConnectViews';

const A = '0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const GONE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const row = (topic: string) => ({
  topic,
  origin: 'https://app.example.org',
  name: 'Swap',
  verification: 'mismatch' as const,
  connectedAt: 5,
  lastUsedAt: 6,
});

describe('sessionViews', () => {
  it('lists sessions WalletConnect still holds, with the accounts still in the wallet and chain names', () => {
    const active = {
      ['a'.repeat(64)]: {
        expiry: 1_700_000_000,
        namespaces: {
          eip155: { accounts: [`eip155:1:${A}`, `eip155:424242:${GONE}`], methods: [], events: [] },
        },
      },
    } as unknown as Record<string, SessionTypes.Struct>;
    const views = sessionViews(active, [row('a'.repeat(64)), row('b'.repeat(64))], {
      wallet: {
        accounts: () => [{ id: 3, address: A, label: 'Main' }],
        chain: (chainId) => (chainId === 1 ? { name: 'Ethereum', enabled: true } : undefined),
      },
      pending: (topic) => (topic === 'a'.repeat(64) ? 2 : 0),
    });
    expect(views).toEqual([
      {
        ...row('a'.repeat(64)),
        accounts: [{ accountId: 3, address: A, label: 'Main' }],
        chains: [
          { chainId: 1, name: 'Ethereum' },
          { chainId: 424242, name: 'Chain 424242' },
        ],
        expiresAt: 1_700_000_000_000,
        pending: 2,
      },
    ]);
  });
});
