import { build } from 'esbuild';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';

/** From the project's root, where vitest, Playwright and the npm scripts run: a bundled bench moves away from here. */
const HERE = resolve('test/dapp');

export interface DappServer {
  /** Where the test dApp is served, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** The same page from another port: another origin, for the cross-origin iframe. */
  frameOrigin: string;
  /** The dApp's page; with `frame`, it embeds the page from `frameOrigin` in an iframe. */
  pageUrl(options?: { frame?: boolean }): string;
  close(): Promise<void>;
}

/** Bundles page.ts with viem and mipd for the browser, into memory: nothing of it is ever committed built. */
export async function bundleDappPage(): Promise<string> {
  const result = await build({
    entryPoints: [join(HERE, 'page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote no bundle of the test dApp');
  return output.text;
}

/**
 * Serves the test dApp on two loopback ports (two origins): the page itself and its script. Only these two
 * paths exist; the iframe is added by the server, never from the query, so nothing the page is told can
 * change what it embeds.
 */
export async function startDappServer(): Promise<DappServer> {
  const script = await bundleDappPage();
  const html = readFileSync(join(HERE, 'index.html'), 'utf8');
  const servers: Server[] = [];
  const listen = async (frameOrigin: string | null) => {
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/page.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        response.end(script);
      } else if (url.pathname === '/') {
        const frame =
          frameOrigin && url.searchParams.has('frame')
            ? `<iframe title="Embedded dApp" src="${frameOrigin}/" width="600" height="200"></iframe>`
            : '';
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(html.replace('<!-- frame -->', frame));
      } else {
        response.writeHead(404).end();
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  };
  const frameOrigin = await listen(null);
  const origin = await listen(frameOrigin);
  return {
    origin,
    frameOrigin,
    pageUrl: ({ frame = false } = {}) => `${origin}/${frame ? '?frame' : ''}`,
    async close() {
      for (const server of servers) {
        server.closeAllConnections();
        server.close();
        await once(server, 'close');
      }
    },
  };
}
