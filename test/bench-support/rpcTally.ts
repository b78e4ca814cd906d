import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What went to the RPC endpoints in a window: POSTs, the JSON-RPC calls in them by method, and bytes. */
export interface RpcCounts {
  posts: number;
  calls: number;
  byMethod: Record<string, number>;
  requestBytes: number;
  responseBytes: number;
}

/**
 * A counting pass-through in front of JSON-RPC endpoints, for a bench that asks what the app sends: each
 * endpoint gets a loopback URL that forwards every POST to it unchanged and counts what went through. Counts
 * only while `counting`, so a window can be cut out of a longer run.
 */
export class RpcTally {
  counting = false;
  private readonly servers: Server[] = [];
  private posts = 0;
  private requestBytes = 0;
  private responseBytes = 0;
  private readonly methods = new Map<string, number>();

  /** The URL that stands for `target`; POSTs to it are answered by `target`. */
  async front(target: string): Promise<string> {
    const server = createServer((request, response) => {
      void this.forward(target, request).then(
        ({ status, type, body }) => {
          response.writeHead(status, { 'content-type': type }).end(body);
        },
        (error: unknown) => {
          response.writeHead(502, { 'content-type': 'text/plain' }).end(String(error));
        },
      );
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    this.servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  counts(): RpcCounts {
    const byMethod = Object.fromEntries([...this.methods].sort(([a], [b]) => a.localeCompare(b)));
    const calls = [...this.methods.values()].reduce((sum, count) => sum + count, 0);
    const { posts, requestBytes, responseBytes } = this;
    return { posts, calls, byMethod, requestBytes, responseBytes };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.servers.map((server) => {
        server.closeAllConnections();
        return new Promise<void>((resolve) => server.close(() => resolve()));
      }),
    );
  }

  private async forward(target: string, request: IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const answer = await fetch(target, {
      method: request.method,
      headers: { 'content-type': 'application/json' },
      ...(request.method === 'POST' ? { body } : {}),
    });
    const answerBody = Buffer.from(await answer.arrayBuffer());
    if (this.counting && request.method === 'POST') this.count(body, answerBody.byteLength);
    return {
      status: answer.status,
      type: answer.headers.get('content-type') ?? 'application/json',
      body: answerBody,
    };
  }

  private count(body: Buffer, answerBytes: number): void {
    this.posts += 1;
    this.requestBytes += body.byteLength;
    this.responseBytes += answerBytes;
    for (const method of methodsOf(body)) this.methods.set(method, (this.methods.get(method) ?? 0) + 1);
  }
}

/** The methods of one JSON-RPC request or batch; what is not one is counted under a name that says so. */
export function methodsOf(body: Buffer): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return ['(not JSON)'];
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.map((item: unknown) => {
    const method = (item as { method?: unknown } | null)?.method;
    return typeof method === 'string' ? method.slice(0, 100) : '(no method)';
  });
}
