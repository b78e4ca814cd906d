import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import {
  BRIDGE_AUTH_PREFIX,
  BRIDGE_PATH,
  BRIDGE_PROTOCOL,
  BridgeServerFrame,
} from '../../src/shared/api/bridge';
import { calls, type Channel, type RequestOf, type ResponseOf } from '../../src/shared/api/contract';
import { Envelope } from '../../src/shared/api/envelope';

/** A Node client of the browser host's bridge: the same calls the page makes, with the same checks. */
export interface BridgeClient {
  /** Resolves with the call's data, checked against the contract; rejects with the host's error code. */
  call<C extends Channel>(
    channel: C,
    ...payload: RequestOf<C> extends undefined ? [] : [RequestOf<C>]
  ): Promise<ResponseOf<C>>;
  close(): Promise<void>;
}

export async function connectBridge(origin: string, secret: string): Promise<BridgeClient> {
  const socket = new WebSocket(
    `${origin.replace(/^http/, 'ws')}${BRIDGE_PATH}`,
    [BRIDGE_PROTOCOL, `${BRIDGE_AUTH_PREFIX}${secret}`],
    { headers: { Origin: origin } },
  );
  const pending = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  socket.on('message', (raw: Buffer) => {
    const frame = BridgeServerFrame.parse(JSON.parse(raw.toString('utf8')));
    if (frame.kind !== 'result' || frame.id === null) return;
    pending.get(frame.id)?.resolve(frame.result);
    pending.delete(frame.id);
  });
  socket.on('close', () => {
    for (const { reject } of pending.values())
      reject(new Error('the bridge closed before the host answered'));
    pending.clear();
  });
  await Promise.race([
    once(socket, 'open'),
    once(socket, 'unexpected-response').then(([, response]) => {
      throw new Error(`the bridge refused the connection (HTTP ${(response as IncomingMessage).statusCode})`);
    }),
  ]);

  return {
    async call(channel, ...[payload]) {
      const id = nextId++;
      const result = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
      socket.send(JSON.stringify({ id, channel, payload }));
      const envelope = Envelope.parse(await result);
      if (!envelope.ok)
        throw new Error(
          `${channel} failed: ${envelope.error.code}: ${envelope.error.message}` +
            (envelope.error.detail ? ` (${envelope.error.detail})` : ''),
        );
      return calls[channel].response.parse(envelope.data) as ResponseOf<typeof channel>;
    },
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      const closed = once(socket, 'close');
      socket.close();
      await closed;
    },
  };
}
