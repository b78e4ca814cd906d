import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';

/**
 * A loopback HTTP server that answers JSON-RPC from a script, for the failures a real node cannot be made to
 * show on demand: rate limits, 5xx, silence, malformed answers, another chain. Where a test needs a real node
 * it uses anvil.
 */
export interface ScriptedRpcServer {
  /** Its URL, with a path and query that stand in for an API key, which must never reach a message or log. */
  url: string;
  host: string;
  /** Every request body received, parsed. */
  received: unknown[];
  close(): Promise<void>;
}

export type Reply =
  | { status?: number; json: unknown }
  | { status?: number; text: string }
  /** Accept the request and never answer it. */
  | { hang: true };

export interface JsonRpcCall {
  id: number;
  method: string;
  params: unknown[];
}

export async function scriptedRpcServer(
  script: (body: unknown, index: number) => Reply | Promise<Reply>,
): Promise<ScriptedRpcServer> {
  const received: unknown[] = [];
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    received.push(body);
    const reply = await script(body, received.length - 1);
    if ('hang' in reply) return;
    response.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
    response.end('json' in reply ? JSON.stringify(reply.json) : reply.text);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/v3/SECRET-KEY?token=SECRET`,
    host: `127.0.0.1:${port}`,
    received,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Answers each call of a single or batch request with `results[method]` (or a JSON-RPC error object). */
export function answer(
  body: unknown,
  results: Record<string, unknown | ((call: JsonRpcCall) => unknown)>,
): { json: unknown } {
  const one = (call: JsonRpcCall) => {
    const result = results[call.method];
    if (result === undefined)
      return { jsonrpc: '2.0', id: call.id, error: { code: -32601, message: 'no such method' } };
    return { jsonrpc: '2.0', id: call.id, result: typeof result === 'function' ? result(call) : result };
  };
  return { json: Array.isArray(body) ? (body as JsonRpcCall[]).map(one) : one(body as JsonRpcCall) };
}

/** A loopback URL where nothing listens, so connecting fails at once (ECONNREFUSED). */
export async function refusedUrl(): Promise<string> {
  const server = createNetServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${port}/key/SECRET`;
}
