import { PairingError } from '../pairing/pairingError';
import { BRIDGE_SUBPROTOCOL } from './bridgeKeys';

/** The part of the WHATWG WebSocket the client uses: both an MV3 service worker's and Node's fit it. */
export interface BridgeSocket {
  binaryType: string;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: unknown) => void): void;
}

export type BridgeSocketConstructor = new (url: string, protocols: string | string[]) => BridgeSocket;

/** The desktop's answer to a handshake it refused: the browser is not (or no longer) paired. */
export const CLOSE_NOT_PAIRED = 4403;

/** One open socket to the desktop, its binary frames handed to whoever listens now. */
export interface BridgeLink {
  send(frame: Uint8Array): void;
  close(code?: number): void;
  onFrame: (frame: Uint8Array) => void;
  onClose: (code: number) => void;
}

export function openBridgeLink(WebSocket: BridgeSocketConstructor, port: number): Promise<BridgeLink> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}`, BRIDGE_SUBPROTOCOL);
    socket.binaryType = 'arraybuffer';
    let open = false;
    let closed = false;
    const link: BridgeLink = {
      send: (frame) => {
        if (!closed) socket.send(frame);
      },
      close: (code = 1000) => {
        if (closed) return;
        closed = true;
        socket.close(code);
        link.onClose(code);
      },
      onFrame: () => undefined,
      onClose: () => undefined,
    };
    socket.addEventListener('open', () => {
      open = true;
      resolve(link);
    });
    socket.addEventListener('message', (event) => {
      if (closed) return;
      const { data } = event as { data: unknown };
      // Text frames are not part of the protocol: whoever sends one is not the desktop.
      if (data instanceof ArrayBuffer) link.onFrame(new Uint8Array(data));
      else link.close(1003);
    });
    socket.addEventListener('close', (event) => {
      if (!open) {
        reject(
          new PairingError('relay_unreachable', 'Ledgerline is not running, or it refused the connection.'),
        );
      }
      if (closed) return;
      closed = true;
      link.onClose((event as { code: number }).code);
    });
    // An 'error' is always followed by 'close', which settles everything.
    socket.addEventListener('error', () => undefined);
  });
}

/** The next frame, or a refusal when the socket closes or nothing arrives in time. */
export function nextFrame(link: BridgeLink, timeoutMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new PairingError('handshake_failed', 'Ledgerline did not answer in time.'));
      link.close(1000);
    }, timeoutMs);
    link.onFrame = (frame) => {
      clearTimeout(timer);
      link.onFrame = () => undefined;
      resolve(frame);
    };
    link.onClose = (code) => {
      clearTimeout(timer);
      reject(
        code === CLOSE_NOT_PAIRED
          ? new PairingError(
              'revoked',
              'Ledgerline refused this browser: the pairing code was used or expired, or the browser was unpaired. Pair it again.',
            )
          : new PairingError('handshake_failed', 'Ledgerline closed the connection.'),
      );
    };
  });
}
