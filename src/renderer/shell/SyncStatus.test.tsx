// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../App';
import { preloadScreenAt } from './routeScreens';
import { syncDevice } from '../../../test/renderer/syncFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;
beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(cleanup);

/** The pill in the top bar of the whole console, as the user sees it on every page. */
async function pill() {
  // Screens load on demand: the first import of one can outlast findBy's wait on a busy machine.
  await preloadScreenAt('#/portfolio');
  render(<App connection={{ ok: true, client }} />);
  await screen.findByRole('heading', { level: 1, name: 'Portfolio' });
  return screen.getByRole('link', { name: /^Sync/ });
}

describe('the sync pill', () => {
  it('says sync is off while this desktop is alone and has no folder', async () => {
    const link = await pill();
    expect(link.textContent).toBe('Sync off');
    expect(link.getAttribute('href')).toBe('#/settings/sync');
  });

  it('counts the devices of the group, and turns to the worst state as main pushes it', async () => {
    client.sync.devices = [
      ...client.sync.devices,
      syncDevice('Laptop'),
      syncDevice('Alice’s phone', { kind: 'phone' }),
    ];
    const link = await pill();
    await screen.findByText('Synced · 3 devices');
    expect(link.getAttribute('data-tone')).toBe('ok');

    await act(async () =>
      client.updateSync({
        devices: client.sync.devices.map((device) =>
          device.name === 'Laptop'
            ? { ...device, state: 'behind', detail: 'Some changes from Laptop have not arrived.' }
            : device,
        ),
      }),
    );
    expect(link.textContent).toBe('Sync behind');
    expect(link.getAttribute('title')).toBe('Some changes from Laptop have not arrived.');

    await act(async () =>
      client.updateSync({
        folder: { path: '/media/usb', lastSyncAt: null, error: 'There is no folder at /media/usb.' },
      }),
    );
    expect(link.textContent).toBe('Sync needs attention');
    expect(link.getAttribute('data-tone')).toBe('danger');
  });
});
