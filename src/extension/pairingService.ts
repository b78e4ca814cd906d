import type { LinkState } from './linkState';
import { readPairingRequest, type PairingUpdate } from './pairingMessages';
import type { PortSender } from './senderOrigin';

/** What pairing needs of the bridge client (src/shared/bridge/bridgeClient.ts). */
export interface DesktopPairing {
  pair(code: string): Promise<{ sas: string; done: Promise<{ desktopName: string }> }>;
  unpair(): Promise<void>;
}

export interface PairingPort {
  readonly sender?: PortSender & { id?: string };
  postMessage(message: PairingUpdate): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

export interface PairingDeps {
  client: DesktopPairing;
  state: Pick<LinkState, 'status' | 'onChange'>;
  /** The name of the paired desktop, from the stored pairing; null when unpaired. */
  desktopName(): Promise<string | null>;
  /** This extension's own origin (`chrome-extension://<id>`); only its pages may pair or unpair. */
  extensionOrigin: string;
}

const FAILED = 'Pairing failed. Make a new code in Ledgerline and try again.';

/**
 * Serves one pairing page: its status as it changes, and pair and unpair. Content scripts are part of the
 * extension too and could open this port, so the sender must be one of the extension's own pages.
 */
export function servePairingPage(port: PairingPort, deps: PairingDeps): void {
  if (port.sender?.origin !== deps.extensionOrigin) {
    port.disconnect();
    return;
  }
  let open = true;
  const post = (update: PairingUpdate) => {
    if (open) port.postMessage(update);
  };
  const postStatus = async () => {
    post({ type: 'status', status: deps.state.status, desktopName: await deps.desktopName() });
  };
  const stop = deps.state.onChange(() => void postStatus());
  port.onDisconnect.addListener(() => {
    open = false;
    stop();
  });
  port.onMessage.addListener(async (message) => {
    const request = readPairingRequest(message);
    if (!request) return;
    try {
      if (request.type === 'unpair') {
        await deps.client.unpair();
        await postStatus();
        return;
      }
      const { sas, done } = await deps.client.pair(request.code);
      post({ type: 'sas', sas });
      const { desktopName } = await done;
      post({ type: 'paired', desktopName });
    } catch (error) {
      post({ type: 'failed', message: failureMessage(error) });
    }
  });
  void postStatus();
}

/** The client's own sentence when it has one (an expired code, a refused SAS), else a generic one. */
function failureMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.length > 0 ? message.slice(0, 300) : FAILED;
}
