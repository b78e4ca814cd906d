import type { ICore } from '@walletconnect/types';

/** The relayer's events (RELAYER_EVENTS in @walletconnect/core). */
const CONNECT = 'relayer_connect';
const DISCONNECT = 'relayer_disconnect';
const ERROR = 'relayer_error';

export type RelayState = { state: 'connecting' | 'online' } | { state: 'offline'; error: string };

/** The relay's failure in words the user can act on. */
export function describeRelayFailure(relayUrl: string, error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/\b(401|403)\b|unauthori[sz]ed|forbidden|project/i.test(text))
    return `The relay at ${relayUrl} refused the project id. Check it in Settings › WalletConnect.`;
  if (/no internet/i.test(text)) return 'There is no internet connection.';
  return `The relay at ${relayUrl} cannot be reached. Check the internet connection.`;
}

/**
 * The desktop's link to the relay, as the relayer reports it. The relayer opens a connection only once it has
 * a topic to listen on, so `open` connects at once: the user learns that the relay is unreachable (or refuses
 * the project id) before pairing, not by a pairing that goes nowhere.
 */
export function watchRelay(core: ICore, relayUrl: string, changed: (state: RelayState) => void) {
  const relayer = core.relayer;
  let lastError: string | null = null;
  let stopped = false;
  // A connection attempt outlives `stop` (it ends on its own); what it finds then is no longer news.
  const report = (state: RelayState) => {
    if (!stopped) changed(state);
  };
  const onConnect = () => {
    lastError = null;
    report({ state: 'online' });
  };
  const onDisconnect = () =>
    report({ state: 'offline', error: lastError ?? describeRelayFailure(relayUrl, 'disconnected') });
  const onError = (error: unknown) => {
    lastError = describeRelayFailure(relayUrl, error);
    report({ state: 'offline', error: lastError });
  };
  relayer.on(CONNECT, onConnect);
  relayer.on(DISCONNECT, onDisconnect);
  relayer.on(ERROR, onError);
  return {
    /** Connects now if not connected; the outcome comes through `changed` (and is the promise's). */
    async open(): Promise<void> {
      if (relayer.connected) return onConnect();
      report({ state: 'connecting' });
      try {
        // Public on the Relayer, not declared on IRelayer: connects even with no topic to listen on. It tries
        // five times over about 15 seconds, and resolves whether or not one of them got through.
        await (relayer as unknown as { toEstablishConnection(): Promise<void> }).toEstablishConnection();
        if (!relayer.connected) throw new Error('unreachable');
        onConnect();
      } catch (error) {
        onError(error);
        throw new Error(lastError ?? describeRelayFailure(relayUrl, error), { cause: error });
      }
    },
    stop() {
      stopped = true;
      relayer.off(CONNECT, onConnect);
      relayer.off(DISCONNECT, onDisconnect);
      relayer.off(ERROR, onError);
    },
  };
}
