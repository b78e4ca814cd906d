import { afterEach, describe, expect, it } from 'vitest';
import { extensionEnd, pairExtension, startDesktop, until } from '../../../test/bridge/bridgeHarness';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { memorySecrets } from '../../../test/vault/memorySecrets';

const temp = useTempDatabase('bridge-client-');
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function pairedClient() {
  const desktop = await startDesktop(temp, memorySecrets());
  cleanup.push(() => desktop.bridge.close());
  const extension = await pairExtension(desktop);
  cleanup.push(() => extension.client.close());
  return { desktop, extension };
}

describe('the bridge client', () => {
  it('is unpaired without a stored desktop, and answers requests with 4900 until it is online', async () => {
    const { client, statuses } = extensionEnd();
    await client.connect();
    expect(statuses).toEqual(['unpaired']);
    await expect(client.request('https://a.example', 'eth_chainId', [])).rejects.toEqual({
      code: 4900,
      message: 'Ledgerline is not connected.',
    });
  });

  it('rejects unanswered requests with 4900 when the desktop goes away, then waits offline', async () => {
    const { desktop, extension } = await pairedClient();
    const hanging = extension.client.request('https://a.example', 'hang', []);
    await until(() => desktop.gateway.requests.length === 1);
    const refused = expect(hanging).rejects.toMatchObject({ code: 4900 });
    await desktop.bridge.close();
    await refused;
    await until(() => extension.statuses.at(-1) === 'offline');
    expect(extension.storage.desktop).not.toBeNull();
  });

  it('refuses a request the protocol cannot carry by itself, and stays online for the others', async () => {
    const { desktop, extension } = await pairedClient();
    await expect(extension.client.request('https://a.example', 'm'.repeat(101), [])).rejects.toMatchObject({
      code: -32600,
    });
    await expect(extension.client.request('', 'eth_chainId', [])).rejects.toMatchObject({ code: -32600 });
    await expect(extension.client.request('https://a.example', 'echo', [1])).resolves.toEqual([1]);
    expect(extension.statuses.at(-1)).toBe('online');
    expect(desktop.gateway.requests).toHaveLength(1);
  });

  it('resumes once when asked twice at the same time', async () => {
    const { desktop, extension } = await pairedClient();
    extension.client.close();
    await until(() => desktop.views.at(-1)?.paired[0]?.online === false);
    const seen = desktop.views.length;
    await Promise.all([extension.client.connect(), extension.client.connect()]);
    await until(() => desktop.views.at(-1)?.paired[0]?.online === true);
    const online = desktop.views.slice(seen).map((view) => view.paired[0]?.online);
    expect(online).toEqual([true]);
  });

  it('forgets the desktop on unpair, and stops', async () => {
    const { desktop, extension } = await pairedClient();
    await extension.client.unpair();
    expect(extension.storage.desktop).toBeNull();
    expect(extension.statuses.at(-1)).toBe('unpaired');
    await until(() => desktop.views.at(-1)?.paired[0]?.online === false);
  });

  it('refuses a code that is not one before it opens any socket', async () => {
    const { client } = extensionEnd();
    await expect(client.pair('ledgerline-extension:nonsense')).rejects.toMatchObject({
      code: 'invalid_invite',
    });
  });
});
