import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../shared/api/contract';
import type { Chain } from '../../shared/chains/chain';
import type { Settings } from '../../shared/settings';
import type { WalletClient } from '../api/client';

export type SettingsChange = Partial<Settings>;

/** What every screen of the console may rely on once the wallet core has answered. */
export interface Wallet {
  info: AppInfo;
  chains: readonly Chain[];
  settings: Settings;
  /** For the calls a screen makes itself (backup, vault status, …); settings go through saveSettings. */
  client: WalletClient;
  /** Resolves with the settings main stored, which is what the UI shows; rejects with main's error. */
  saveSettings(change: SettingsChange): Promise<Settings>;
}

export type WalletSession =
  | { status: 'connecting' }
  | { status: 'unreachable'; error: unknown; retry(): void }
  | { status: 'ready'; wallet: Wallet };

/**
 * How long the console waits, past the session's own answers, for the rest of the calls the page made as it
 * started (the first screen's data), so that its first render can show them rather than an empty screen.
 */
const FIRST_SCREEN_WAIT_MS = 500;

function firstScreenAnswers(client: WalletClient): Promise<void> {
  const answers = client.firstAnswers?.();
  if (!answers) return Promise.resolve();
  return Promise.race([answers, new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);
}

type Load =
  | { status: 'pending' }
  | { status: 'failed'; error: unknown }
  | { status: 'loaded'; info: AppInfo; chains: readonly Chain[] };

/**
 * Loads what the shell needs from the wallet core in one go, and keeps settings and the chain list current
 * from main's `settings.changed` and `chains.changed` pushes, so a change made in one place (or another
 * window), such as a network added in Settings, shows everywhere.
 */
export function useWalletSession(client: WalletClient): WalletSession {
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load>({ status: 'pending' });
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    let current = true;
    // A push that lands before chains.list answers is newer than that answer, so it wins.
    let pushedChains: readonly Chain[] | null = null;
    const unsubscribeSettings = client.on('settings.changed', (next) => {
      if (current) setSettings(next);
    });
    const unsubscribeChains = client.on('chains.changed', (next) => {
      if (!current) return;
      pushedChains = next;
      setLoad((previous) => (previous.status === 'loaded' ? { ...previous, chains: next } : previous));
    });
    const unsubscribe = () => {
      unsubscribeSettings();
      unsubscribeChains();
    };
    Promise.all([
      client.call('app.info'),
      client.call('chains.list'),
      client.call('settings.get'),
      firstScreenAnswers(client),
    ]).then(
      ([info, chains, stored]) => {
        if (!current) return;
        setSettings(stored);
        setLoad({ status: 'loaded', info, chains: pushedChains ?? chains });
      },
      (error: unknown) => {
        if (!current) return;
        // Without this the bridge would keep reconnecting for a subscriber that will never be shown anything.
        unsubscribe();
        setLoad({ status: 'failed', error });
      },
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, [client, attempt]);

  const retry = useCallback(() => {
    setLoad({ status: 'pending' });
    setAttempt((n) => n + 1);
  }, []);

  const saveSettings = useCallback(
    async (change: SettingsChange) => {
      const stored = await client.call('settings.set', change);
      setSettings(stored);
      return stored;
    },
    [client],
  );

  return useMemo((): WalletSession => {
    if (load.status === 'failed') return { status: 'unreachable', error: load.error, retry };
    if (load.status === 'pending' || !settings) return { status: 'connecting' };
    return {
      status: 'ready',
      wallet: { info: load.info, chains: load.chains, settings, client, saveSettings },
    };
  }, [load, settings, client, retry, saveSettings]);
}
