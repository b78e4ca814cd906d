import { describe, expect, it } from 'vitest';
import { ALICE, BOB, watchAccount } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';
import { firstCallsAt, withFirstCalls } from './firstCalls';
import { ASKED_RECENTLY_MS, liveListStore } from './liveListStore';

const TREASURY = watchAccount(1, ALICE, 'Treasury');
const SECOND = watchAccount(2, BOB, '');
const asked = (client: WalletClientDouble, channel: string) =>
  client.calls.filter((call) => call.channel === channel).length;
/** Lets the answers already on their way land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('liveListStore', () => {
  it('asks main once for every component that shows the list, and hands each of them every push', async () => {
    const client = new WalletClientDouble();
    client.accounts = [TREASURY];
    const store = liveListStore(client, 'accounts.list');
    expect(liveListStore(client, 'accounts.list')).toBe(store);
    let changes = 0;
    const offMenu = store.subscribe(() => changes++);
    const offScreen = store.subscribe(() => changes++);
    await settle();
    expect(asked(client, 'accounts.list')).toBe(1);
    expect(store.snapshot()).toEqual({ list: [TREASURY], error: null });
    expect(changes).toBe(2);

    client.emit('accounts.changed', [TREASURY, SECOND]);
    expect(store.snapshot().list).toEqual([TREASURY, SECOND]);
    expect(changes).toBe(4);
    offMenu();
    offScreen();
  });

  it('takes the answer the page asked for as it started, without asking main again', async () => {
    const main = new WalletClientDouble();
    main.accounts = [TREASURY];
    const client = withFirstCalls(main, firstCallsAt('#/portfolio'));
    await client.firstAnswers?.();
    const store = liveListStore(client, 'accounts.list');
    // The first render has the list before any component has subscribed.
    expect(store.snapshot().list).toEqual([TREASURY]);
    const offs = [store.subscribe(() => undefined), store.subscribe(() => undefined)];
    await settle();
    expect(asked(main, 'accounts.list')).toBe(1);
    for (const off of offs) off();
  });

  it('keeps a push that lands while the answer is on its way, which is the older of the two', async () => {
    const client = new WalletClientDouble();
    client.accounts = [TREASURY];
    const release = client.hold('accounts.list');
    const store = liveListStore(client, 'accounts.list');
    const off = store.subscribe(() => undefined);
    client.emit('accounts.changed', [TREASURY, SECOND]);
    release();
    await settle();
    expect(store.snapshot().list).toEqual([TREASURY, SECOND]);
    off();
  });

  it('stops listening when the last component goes, and asks again for the next one, showing the last list meanwhile', async () => {
    const client = new WalletClientDouble();
    client.accounts = [TREASURY];
    const store = liveListStore(client, 'accounts.list');
    const offFirst = store.subscribe(() => undefined);
    await settle();
    offFirst();
    client.emit('accounts.changed', [SECOND]);
    expect(store.snapshot().list).toEqual([TREASURY]);

    client.accounts = [TREASURY, SECOND];
    const off = store.subscribe(() => undefined);
    expect(store.snapshot().list).toEqual([TREASURY]);
    await settle();
    expect(asked(client, 'accounts.list')).toBe(2);
    expect(store.snapshot().list).toEqual([TREASURY, SECOND]);
    off();
  });

  it('asks again for a component that mounts later, so a push lost in a reconnect is made good', async () => {
    const client = new WalletClientDouble();
    client.accounts = [TREASURY];
    let now = 1_000_000;
    const store = liveListStore(client, 'accounts.list', () => now);
    const offMenu = store.subscribe(() => undefined);
    await settle();
    // The screen under the menu, mounting with it: the answer just asked for serves both.
    now += ASKED_RECENTLY_MS - 1;
    const offPortfolio = store.subscribe(() => undefined);
    await settle();
    expect(asked(client, 'accounts.list')).toBe(1);
    offPortfolio();

    // Main's list moved while its push was lost; the next screen to mount asks, and every component sees it.
    client.accounts = [TREASURY, SECOND];
    now += ASKED_RECENTLY_MS;
    const offSend = store.subscribe(() => undefined);
    await settle();
    expect(asked(client, 'accounts.list')).toBe(2);
    expect(store.snapshot().list).toEqual([TREASURY, SECOND]);

    // A push that lands while that ask is on its way is newer than its answer.
    now += ASKED_RECENTLY_MS;
    const release = client.hold('accounts.list');
    const offHistory = store.subscribe(() => undefined);
    client.emit('accounts.changed', [SECOND]);
    release();
    await settle();
    expect(asked(client, 'accounts.list')).toBe(3);
    expect(store.snapshot().list).toEqual([SECOND]);
    for (const off of [offMenu, offSend, offHistory]) off();
  });

  it('says why main could not answer, with no list', async () => {
    const client = new WalletClientDouble();
    client.unreachable = new Error('The wallet core is not reachable.');
    const store = liveListStore(client, 'devices.list');
    const off = store.subscribe(() => undefined);
    await settle();
    expect(store.snapshot()).toEqual({ list: null, error: 'The wallet core is not reachable.' });
    off();
  });
});
