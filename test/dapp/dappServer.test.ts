import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DappServer, startDappServer } from './dappServer';

describe('the test dApp server', () => {
  let server: DappServer;
  beforeAll(async () => {
    server = await startDappServer();
  });
  afterAll(() => server?.close());

  it('serves the page and its bundle from two loopback origins', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.frameOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.frameOrigin).not.toBe(server.origin);
    for (const origin of [server.origin, server.frameOrigin]) {
      const script = await fetch(`${origin}/page.js`);
      expect(script.headers.get('content-type')).toMatch(/javascript/);
      const text = await script.text();
      // viem and mipd are bundled in, and the page looks the wallet up by its rdns.
      expect(text).toContain('app.ledgerline');
      expect(text).toContain('eip6963:requestProvider');
      expect(text).not.toMatch(/^\s*import\s/m);
    }
  });

  it('embeds the other origin only when asked, and never what the query names', async () => {
    const plain = await (await fetch(server.pageUrl())).text();
    expect(plain).not.toContain('<iframe');
    const framed = await (await fetch(server.pageUrl({ frame: true }))).text();
    expect(framed).toContain(`<iframe title="Embedded dApp" src="${server.frameOrigin}/"`);
    const steered = await (await fetch(`${server.origin}/?frame=https://evil.example`)).text();
    expect(steered).not.toContain('evil.example');
    const inner = await (await fetch(`${server.frameOrigin}/?frame`)).text();
    expect(inner).not.toContain('<iframe');
    expect((await fetch(`${server.origin}/index.html`)).status).toBe(404);
  });
});
