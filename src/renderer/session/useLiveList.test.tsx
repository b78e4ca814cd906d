// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { ledgerDevice, trezorDevice } from '../../../test/renderer/deviceFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';
import { useLiveList } from './useLiveList';
import { WalletContext } from './WalletContext';

function wrapperFor(client: WalletClientDouble) {
  const wallet = {
    info: {
      name: 'Ledgerline',
      version: '0.0.0',
      host: 'browser' as const,
      platform: 'linux',
      arch: 'x64',
      runtime: { node: '24.0.0', electron: null },
    },
    chains: [],
    settings: DEFAULT_SETTINGS,
    client,
    saveSettings: async () => DEFAULT_SETTINGS,
  };
  return ({ children }: { children: ReactNode }) => <WalletContext value={wallet}>{children}</WalletContext>;
}

describe('useLiveList', () => {
  it('asks main once, then takes every pushed list whole', async () => {
    const client = new WalletClientDouble();
    client.devices = [ledgerDevice()];
    const { result } = renderHook(() => useLiveList('devices.list'), { wrapper: wrapperFor(client) });
    expect(result.current).toEqual({ list: null, error: null });
    await waitFor(() => expect(result.current.list).toHaveLength(1));

    act(() => client.emit('devices.changed', [ledgerDevice(), trezorDevice()]));
    expect(result.current.list?.map((device) => device.kind)).toEqual(['ledger', 'trezor']);
  });
});
