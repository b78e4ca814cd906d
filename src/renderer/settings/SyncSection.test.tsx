// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettings, section } from '../../../test/renderer/openSettings';
import { syncDevice } from '../../../test/renderer/syncFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';
import { groupInviteCode } from './SyncInvite';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(cleanup);

async function click(button: HTMLElement) {
  await act(async () => fireEvent.click(button));
}

const device = (name: string) => within(section('Sync').getByRole('listitem', { name }));

describe('Sync settings', () => {
  it('lists the devices of the group, with what is held back or rolled back', async () => {
    const now = Date.now();
    client.sync.devices = [
      ...client.sync.devices,
      syncDevice('Office desktop', { lastSyncAt: now - 5 * 60_000 }),
      syncDevice('Laptop', { state: 'behind', detail: null, lastSyncAt: now - 3 * 3_600_000 }),
      syncDevice('Old tower', {
        state: 'rolled_back',
        detail:
          'The folder served changes from Old tower older than ones already applied; they were ignored.',
      }),
      syncDevice('Ada’s phone', { kind: 'phone', lastSyncAt: null }),
    ];
    await openSettings(client);
    const self = within(await section('Sync').findByRole('listitem', { name: 'Ada’s workstation' }));
    expect(self.getByText('This desktop')).toBeTruthy();
    expect(self.queryByRole('button', { name: 'Remove' })).toBeNull();

    expect(device('Office desktop').getByText('Last sync 5 min ago')).toBeTruthy();
    expect(device('Office desktop').queryByText(/have not arrived/)).toBeNull();
    expect(device('Laptop').getByText('Last sync 3 h ago')).toBeTruthy();
    expect(device('Laptop').getByText(/^Some changes from Laptop have not arrived/).textContent).toBe(
      'Some changes from Laptop have not arrived: the folder or relay may be holding them back.',
    );
    const rolledBack = device('Old tower')
      .getByText(/older than ones already applied/)
      .closest('.callout');
    expect(rolledBack?.getAttribute('data-tone')).toBe('danger');
    expect(rolledBack?.textContent).toContain('The folder or relay served an older state from Old tower');

    const phone = device('Ada’s phone');
    expect(phone.getByText('Not synced yet')).toBeTruthy();
    expect(phone.queryByRole('button', { name: 'Remove' })).toBeNull();
    expect(phone.getByRole('link', { name: 'Pairing' }).getAttribute('href')).toBe('#/pairing');
  });

  it('follows what main pushes, such as a device falling behind', async () => {
    client.sync.devices = [...client.sync.devices, syncDevice('Laptop')];
    await openSettings(client);
    await section('Sync').findByRole('listitem', { name: 'Laptop' });
    act(() => {
      client.updateSync({
        devices: client.sync.devices.map((d) => (d.self ? d : { ...d, state: 'behind' })),
      });
    });
    expect(device('Laptop').getByText(/Some changes from Laptop have not arrived/)).toBeTruthy();
  });

  it('removes another desktop only after saying the key is rotated', async () => {
    client.sync.devices = [...client.sync.devices, syncDevice('Office desktop')];
    await openSettings(client);
    await click(await device('Office desktop').findByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Office desktop from sync?' });
    expect(dialog.textContent).toContain(
      'The group’s key is rotated, so Office desktop can read nothing written after this.',
    );
    await click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(client.calls.some((call) => call.channel === 'sync.removeDevice')).toBe(false);

    await click(device('Office desktop').getByRole('button', { name: 'Remove' }));
    await click(screen.getByRole('button', { name: 'Remove desktop' }));
    expect(client.calls.at(-1)).toEqual({
      channel: 'sync.removeDevice',
      request: { id: syncDevice('Office desktop').id },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(section('Sync').queryByRole('listitem', { name: 'Office desktop' })).toBeNull();
    expect(client.sync.epoch).toBe(1);
  });

  it('syncs now and says how it went', async () => {
    client.sync.devices = [...client.sync.devices, syncDevice('Laptop', { state: 'behind' })];
    await openSettings(client);
    const sync = section('Sync');
    await click(await sync.findByRole('button', { name: 'Sync now' }));
    expect(client.calls.at(-1)?.channel).toBe('sync.now');
    expect(sync.getAllByRole('status')[0]?.textContent).toBe(
      'Synced, but Laptop needs attention: see below.',
    );
  });

  it('sets the sync folder, shows why it cannot be used, and stops using it', async () => {
    await openSettings(client);
    const folder = section('Sync folder');
    const path = await folder.findByRole<HTMLInputElement>('textbox', { name: 'Folder' });
    expect(path.value).toBe('');
    expect(folder.queryByRole('button', { name: 'Stop using this folder' })).toBeNull();

    fireEvent.change(path, { target: { value: ' /home/ada/Sync/Ledgerline ' } });
    await click(folder.getByRole('button', { name: 'Save' }));
    expect(client.calls.at(-1)).toEqual({
      channel: 'sync.setFolder',
      request: { path: '/home/ada/Sync/Ledgerline' },
    });
    expect(path.value).toBe('/home/ada/Sync/Ledgerline');
    expect(folder.getByText('Saved. This desktop syncs through this folder.')).toBeTruthy();
    expect(folder.getByText('just now')).toBeTruthy();

    act(() => {
      client.updateSync({
        folder: { ...client.sync.folder, error: 'The folder is not writable: check its permissions.' },
      });
    });
    expect(folder.getByRole('alert').textContent).toContain(
      'The folder is not writable: check its permissions.',
    );

    await click(folder.getByRole('button', { name: 'Stop using this folder' }));
    expect(client.calls.at(-1)).toEqual({ channel: 'sync.setFolder', request: { path: null } });
    expect(path.value).toBe('');
    expect(folder.getByText('This desktop no longer uses a sync folder.')).toBeTruthy();
  });

  it('shows main’s reason when it refuses a folder', async () => {
    await openSettings(client);
    const folder = section('Sync folder');
    client.refuseNext('sync.setFolder', {
      code: 'invalid_request',
      message: 'There is no folder at /nope.',
    });
    fireEvent.change(await folder.findByRole('textbox', { name: 'Folder' }), { target: { value: '/nope' } });
    await click(folder.getByRole('button', { name: 'Save' }));
    expect(folder.getByRole('alert').textContent).toBe('Not saved: There is no folder at /nope.');
    expect(client.sync.folder.path).toBeNull();
  });

  it('turns one collection on or off at a time', async () => {
    await openSettings(client);
    const what = section('What syncs');
    const networks = await what.findByRole<HTMLInputElement>('switch', { name: 'Networks' });
    expect(networks.checked).toBe(false);
    expect(
      what.getByText(
        'Only between your own paired devices; they may contain API keys. Off until you turn it on.',
      ),
    ).toBeTruthy();
    expect(what.getByRole<HTMLInputElement>('switch', { name: 'Labels' }).checked).toBe(true);
    expect(what.getAllByRole('switch')).toHaveLength(9);
    // Safes and their pending transactions are two choices: one can follow the Safes without the signatures.
    expect(what.getByRole<HTMLInputElement>('switch', { name: 'Safes' }).checked).toBe(true);
    await click(what.getByRole('switch', { name: 'Pending Safe transactions' }));
    expect(client.calls.at(-1)).toEqual({
      channel: 'sync.setCollections',
      request: { safeTransactions: false },
    });

    await click(networks);
    expect(client.calls.at(-1)).toEqual({ channel: 'sync.setCollections', request: { networks: true } });
    expect(networks.checked).toBe(true);

    await click(what.getByRole('switch', { name: 'Preferences' }));
    expect(client.calls.at(-1)).toEqual({ channel: 'sync.setCollections', request: { preferences: false } });
    expect(client.sync.collections).toMatchObject({ networks: true, preferences: false, labels: true });

    client.refuseNext('sync.setCollections', { code: 'invalid_state', message: 'Sync is busy.' });
    const tokens = what.getByRole<HTMLInputElement>('switch', { name: 'Tokens' });
    await click(tokens);
    expect(tokens.checked).toBe(true);
    expect(what.getByRole('alert').textContent).toBe('Not saved: Sync is busy.');
  });

  it('lists refused blobs and says nothing local was lost', async () => {
    client.sync.problems = [
      { at: 1_700_000_000_000, source: 'relay', message: 'A blob signed by an unknown device was refused.' },
    ];
    await openSettings(client);
    const refused = section('Refused blobs');
    expect(await refused.findByText('A blob signed by an unknown device was refused.')).toBeTruthy();
    expect(refused.getByText('Relay')).toBeTruthy();
    expect(refused.getByText(/nothing on this desktop was lost/)).toBeTruthy();
  });

  it('shows a one-time invite code with its expiry', async () => {
    await openSettings(client);
    const add = section('Add another desktop');
    await click(await add.findByRole('button', { name: 'Show invite code' }));
    expect(client.calls.at(-1)?.channel).toBe('sync.invite');
    expect(add.getByText('K7PX 29QF M4TD 8WZ1')).toBeTruthy();
    expect(add.getByRole('button', { name: 'Copy invite code' })).toBeTruthy();
    expect(add.getByText(/^Expires in (10:00|9:59)$/)).toBeTruthy();

    await click(add.getByRole('button', { name: 'Show a new code' }));
    expect(add.getByText('K7PX 29QF M4TD 8WZ2')).toBeTruthy();
  });

  it('joins a group with a code typed as it is shown', async () => {
    await openSettings(client);
    const add = section('Add another desktop');
    const code = await add.findByRole('textbox', { name: 'Invite code' });
    client.refuseNext('sync.join', { code: 'invalid_request', message: 'This invite code has expired.' });
    fireEvent.change(code, { target: { value: 'K7PX 29QF M4TD 8WZ1' } });
    await click(add.getByRole('button', { name: 'Join' }));
    expect(add.getByRole('alert').textContent).toBe('Not joined: This invite code has expired.');

    await click(add.getByRole('button', { name: 'Join' }));
    expect(client.calls.at(-1)).toEqual({ channel: 'sync.join', request: { code: 'K7PX29QFM4TD8WZ1' } });
    expect(add.getByText('Joined. This desktop now syncs with the group.')).toBeTruthy();
    expect(section('Sync').getByRole('listitem', { name: 'Office desktop' })).toBeTruthy();
  });

  it('groups an invite code in fours unless main already grouped it', () => {
    expect(groupInviteCode('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(groupInviteCode('abc-def')).toBe('abc-def');
  });
});
