// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CHAINS } from '../../shared/chains/registry';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';
import { useWalletSession, type WalletSession } from './useWalletSession';

const names = (session: WalletSession) =>
  session.status === 'ready' ? session.wallet.chains.map((chain) => chain.name) : null;

describe('useWalletSession chains', () => {
  it('replaces the chain list with each chains.changed push', async () => {
    const client = new WalletClientDouble();
    const { result } = renderHook(() => useWalletSession(client));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(names(result.current)).toEqual(CHAINS.map((chain) => chain.name));

    await act(async () => {
      await client.call('chains.addCustom', {
        chainId: 7777777,
        name: 'Zora',
        symbol: 'ETH',
        rpcUrl: 'https://rpc.zora.example',
      });
    });
    expect(names(result.current)).toEqual([...CHAINS.map((chain) => chain.name), 'Zora']);

    await act(async () => {
      await client.call('chains.removeCustom', { chainId: 7777777 });
    });
    expect(names(result.current)).toEqual(CHAINS.map((chain) => chain.name));
  });

  it('prefers a push that lands while chains.list is still on its way', async () => {
    const client = new WalletClientDouble();
    const release = client.hold('chains.list');
    const { result } = renderHook(() => useWalletSession(client));
    act(() => client.emit('chains.changed', CHAINS.slice(0, 2)));
    await act(async () => release());
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(names(result.current)).toEqual(CHAINS.slice(0, 2).map((chain) => chain.name));
  });
});
