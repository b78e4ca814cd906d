// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneStateStore } from '../client/phoneClient';
import { PhoneVault } from '../core/phoneVault';
import { PairingError } from '../../shared/pairing/pairingError';
import { App } from './App';
import {
  NOW,
  pairedDesktop,
  signRequest,
  StubClient,
  TEST_MNEMONIC,
} from '../../../test/companion/stubClient';

const PIN = '135790';
let indexedDB: IDBFactory;

beforeEach(() => {
  indexedDB = new IDBFactory();
});
afterEach(cleanup);

async function withVault() {
  const state = {
    version: 1 as const,
    mnemonic: TEST_MNEMONIC,
    phoneName: "Alice's phone",
    backedUp: true,
    desktops: [],
    answered: [],
  };
  (await PhoneVault.create(PIN, state, { indexedDB })).lock();
}

async function start(client: StubClient, inviteUrl: string | null = null) {
  const createClient = vi.fn((store: PhoneStateStore) => {
    client.state = { ...store.state, desktops: client.state.desktops };
    return client;
  });
  render(
    <App createClient={createClient} inviteUrl={inviteUrl} vaultOptions={{ indexedDB }} now={() => NOW} />,
  );
  await screen.findByRole('heading', { level: 1, name: /Unlock|Create this phone's key/ });
  return createClient;
}

async function unlock(pin = PIN) {
  fireEvent.change(screen.getByLabelText('PIN'), { target: { value: pin } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unlock' })));
  await vi.waitFor(() => expect(screen.queryByRole('button', { name: /Unlocking/ })).toBeNull(), {
    timeout: 10_000,
  });
  // The vault answers outside act(); let the screen it opened run its effects.
  await act(async () => undefined);
}

describe('App', () => {
  it('starts with key creation on a phone without keys', async () => {
    await start(StubClient.with());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe("Create this phone's key");
    expect((screen.getByLabelText('Name of this phone') as HTMLInputElement).value).toBe('My phone');
  });

  it('says so when the PIN is wrong, and opens with the right one', async () => {
    await withVault();
    const client = StubClient.with();
    const createClient = await start(client);
    await unlock('000000');
    expect(screen.getByRole('alert').textContent).toBe('Wrong PIN.');
    expect(createClient).not.toHaveBeenCalled();

    await unlock();
    expect(createClient).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe("Alice's phone");
    expect(screen.getByText('0xf39F…2266')).toBeTruthy();
    expect(screen.getByText(/No desktop paired yet/)).toBeTruthy();
  });

  it('goes straight to pairing after unlock when opened from a QR code', async () => {
    await withVault();
    const client = StubClient.with();
    client.pairing = () => Promise.resolve({ code: '123456', confirm: vi.fn(), reject: vi.fn() });
    await start(client, 'http://10.0.0.2:47110/#AQID');
    await unlock();
    expect(client.calls).toEqual([['pair', 'http://10.0.0.2:47110/#AQID']]);
    expect(await screen.findByText('123 456')).toBeTruthy();
  });

  it('connects to each active desktop and shows the one it cannot reach as offline', async () => {
    await withVault();
    const home = pairedDesktop({ id: 'e'.repeat(64), desktopKey: 'e'.repeat(64), name: 'Home PC' });
    const old = pairedDesktop({
      id: 'f'.repeat(64),
      desktopKey: 'f'.repeat(64),
      name: 'Old PC',
      status: 'revoked',
    });
    const client = StubClient.with([pairedDesktop(), home, old]);
    client.connecting = (id) =>
      id === home.id
        ? Promise.reject(new PairingError('relay_unreachable', 'The desktop did not answer.'))
        : Promise.resolve();
    await start(client);
    await unlock();

    expect(client.calls.filter(([method]) => method === 'connect').map(([, id]) => id)).toEqual([
      'a'.repeat(64),
      home.id,
    ]);
    const work = screen.getByRole('listitem', { name: 'Work laptop' });
    expect(within(work).getByText('Online')).toBeTruthy();
    expect(within(work).getByText(/Last seen 5 min ago/)).toBeTruthy();
    const offline = screen.getByRole('listitem', { name: 'Home PC' });
    expect(within(offline).getByText('Offline')).toBeTruthy();
    expect(within(offline).getByText('The desktop did not answer.')).toBeTruthy();
    expect(within(screen.getByRole('listitem', { name: 'Old PC' })).getByText('Revoked')).toBeTruthy();
  });

  it('revokes a desktop only after the confirm step', async () => {
    await withVault();
    const client = StubClient.with([pairedDesktop()]);
    await start(client);
    await unlock();

    fireEvent.click(screen.getByRole('button', { name: 'Revoke Work laptop' }));
    expect(client.calls.some(([method]) => method === 'revoke')).toBe(false);
    const confirm = screen.getByRole('group', { name: 'Revoke Work laptop' });
    expect(confirm.textContent).toMatch(/Stop signing for Work laptop\?/);
    await act(async () => fireEvent.click(within(confirm).getByRole('button', { name: 'Revoke' })));
    expect(client.calls).toContainEqual(['revoke', 'a'.repeat(64)]);
    expect(within(screen.getByRole('listitem', { name: 'Work laptop' })).getByText('Revoked')).toBeTruthy();
  });

  it('locks: closes every session, forgets the keys, and asks for the PIN again', async () => {
    await withVault();
    const client = StubClient.with([pairedDesktop()]);
    const forgotten = vi.fn();
    const createClient = vi.fn((store: PhoneStateStore) => {
      store.onLock?.(forgotten);
      client.state = { ...store.state, desktops: client.state.desktops };
      return client;
    });
    render(<App createClient={createClient} inviteUrl={null} vaultOptions={{ indexedDB }} now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'Unlock' });
    await unlock();
    expect(within(screen.getByRole('listitem', { name: 'Work laptop' })).getByText('Online')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Lock' }));
    expect(client.calls.at(-1)).toEqual(['disconnect']);
    expect(forgotten).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Unlock');
    expect(screen.queryByText('Work laptop')).toBeNull();

    await unlock();
    expect(createClient).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe("Alice's phone");
  });

  it('shows pending requests and answers them through the client', async () => {
    await withVault();
    const client = StubClient.with([pairedDesktop()], [signRequest({ chainId: 8453, desktopChainId: 1 })]);
    await start(client);
    await unlock();

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Signing request');
    expect(screen.getByText(/The desktop is on Ethereum, this request is for Base/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Approve' })));
    expect(client.calls).toContainEqual(['approve', '00112233445566778899aabbccddeeff']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe("Alice's phone");
  });
});
