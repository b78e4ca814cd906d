import { useCallback, useEffect, useRef, useState } from 'react';
import type { DiscoveredAccount, DiscoveryScheme } from '../../shared/devices';
import { errorMessage } from '../session/errorMessage';
import { useWallet } from '../session/WalletContext';

/** The first scan follows Ledger Live's stop rule, so this only caps a seed with a long history. */
const FIRST_SCAN = 20;
/** "Show more" reads this many past the last one, used or not. */
const MORE = 5;

export interface SchemeScan {
  accounts: DiscoveredAccount[];
  /** Where "Show more" continues; null before the first scan has answered. */
  next: number | null;
  scanning: boolean;
  error: string | null;
}

const NOT_SCANNED: SchemeScan = { accounts: [], next: null, scanning: false, error: null };

/** The addresses a device derives under each scheme, read page by page as the user asks for them. */
export function useDiscovery(deviceId: string, scheme: DiscoveryScheme) {
  const { client } = useWallet();
  const [scans, setScans] = useState<Partial<Record<DiscoveryScheme, SchemeScan>>>({});
  const mounted = useRef(true);
  // One read per scheme at a time: the device answers one exchange at a time, and a doubled page would list
  // its accounts twice.
  const reading = useRef(new Set<DiscoveryScheme>());
  // A scheme not answered yet is being read: its first scan starts as soon as its tab opens.
  const scan = scans[scheme] ?? { ...NOT_SCANNED, scanning: true };

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const read = useCallback(
    async (target: DiscoveryScheme, start: number, more: boolean) => {
      if (reading.current.has(target)) return;
      reading.current.add(target);
      try {
        const page = await client.call('devices.discover', {
          deviceId,
          scheme: target,
          start,
          count: more ? MORE : FIRST_SCAN,
          all: more,
        });
        if (!mounted.current) return;
        setScans((previous) => {
          const before = previous[target]?.accounts ?? [];
          const accounts = [...before, ...page.accounts];
          return { ...previous, [target]: { accounts, next: page.next, scanning: false, error: null } };
        });
      } catch (error) {
        if (!mounted.current) return;
        setScans((previous) => ({
          ...previous,
          [target]: { ...(previous[target] ?? NOT_SCANNED), scanning: false, error: errorMessage(error) },
        }));
      } finally {
        reading.current.delete(target);
      }
    },
    [client, deviceId],
  );

  // Each scheme is read the first time its tab opens; the device is slow, so only what is looked at is read.
  const untouched = scans[scheme] === undefined;
  useEffect(() => {
    if (untouched) void read(scheme, 0, false);
  }, [untouched, read, scheme]);

  /** Reads again from `start`, showing the scan as in flight at once. */
  function again(start: number, more: boolean) {
    if (scan.scanning) return;
    setScans((previous) => ({
      ...previous,
      [scheme]: { ...(previous[scheme] ?? NOT_SCANNED), scanning: true, error: null },
    }));
    void read(scheme, start, more);
  }

  return {
    scan,
    showMore: () => {
      if (scan.next !== null) again(scan.next, true);
    },
    retry: () => again(scan.next ?? 0, scan.next !== null),
  };
}
