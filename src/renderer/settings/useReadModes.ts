import { useEffect, useState } from 'react';
import type { ChainStatusView } from '../../shared/portfolio';
import { useWallet } from '../session/WalletContext';

export type ReadMode = ChainStatusView['readMode'];

/**
 * How main last read each enabled network (one call with a state override, or Multicall3), by chain id, kept
 * current by main's status pushes. A network main has not read is absent.
 */
export function useReadModes(): ReadonlyMap<number, ReadMode> {
  const { client } = useWallet();
  const [modes, setModes] = useState<ReadonlyMap<number, ReadMode>>(new Map());
  useEffect(() => {
    let live = true;
    const off = client.on('chains.status', (status) =>
      setModes((current) => new Map(current).set(status.chainId, status.readMode)),
    );
    // Status is a nicety beside the settings: a failed ask leaves every network saying "Not read yet".
    client.call('chains.status').then(
      (statuses) => {
        if (live) setModes(new Map(statuses.map((status) => [status.chainId, status.readMode])));
      },
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, [client]);
  return modes;
}
