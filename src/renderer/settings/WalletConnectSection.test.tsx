// @vitest-environment happy-dom
import { act, cleanup, fireEvent } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettings, section } from '../../../test/renderer/openSettings';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(cleanup);

const walletConnect = () => section('WalletConnect');
const field = (name: string) => walletConnect().getByRole<HTMLInputElement>('textbox', { name });
const saveButton = (index: number) =>
  walletConnect().getAllByRole('button', { name: 'Save' })[index] as HTMLElement;
const settingsSets = () => client.calls.filter((call) => call.channel === 'settings.set');
const PROJECT_ID = '0123456789abcdef0123456789abcdef';

async function type(input: HTMLInputElement, text: string) {
  await act(async () => fireEvent.change(input, { target: { value: text } }));
}

async function submit(input: HTMLInputElement) {
  await act(async () => fireEvent.submit(input.closest('form') as HTMLFormElement));
}

describe('Settings › WalletConnect', () => {
  it('says what the relay sees and what Verify learns, before anything is turned on', async () => {
    await openSettings(client);
    expect(
      walletConnect().getByText(
        'The relay passes encrypted messages between this wallet and dApps. It sees when and how much they exchange, the project id and your IP address; it cannot read the messages.',
      ),
    ).toBeTruthy();
    expect(walletConnect().getByText(/Verify then learns a fingerprint of each message/)).toBeTruthy();
    expect(walletConnect().getByText(/Reown’s dashboard/)).toBeTruthy();
    expect(field('Project id').value).toBe('');
    expect(field('Relay').value).toBe('wss://relay.walletconnect.org');
    const verify = walletConnect().getByRole<HTMLInputElement>('switch', {
      name: 'Check dApps with WalletConnect Verify',
    });
    expect(verify.checked).toBe(true);
    await act(async () => fireEvent.click(verify));
    expect(settingsSets().at(-1)?.request).toEqual({ walletConnectVerify: false });
  });

  it('takes a project id only as the dashboard shows it, and saves it', async () => {
    await openSettings(client);
    await type(field('Project id'), 'not-a-project-id');
    expect(field('Project id').getAttribute('aria-invalid')).toBe('true');
    expect(walletConnect().getByText(/A project id is 32 hex characters/)).toBeTruthy();
    await submit(field('Project id'));
    expect(settingsSets()).toHaveLength(0);

    await type(field('Project id'), ` ${PROJECT_ID} `);
    expect(field('Project id').getAttribute('aria-invalid')).toBe('false');
    await submit(field('Project id'));
    expect(settingsSets().at(-1)?.request).toEqual({ walletConnectProjectId: PROJECT_ID });
    expect(client.settings.walletConnectProjectId).toBe(PROJECT_ID);

    await type(field('Project id'), '');
    await submit(field('Project id'));
    expect(settingsSets().at(-1)?.request).toEqual({ walletConnectProjectId: null });
  });

  it('takes another relay, refuses plain ws:// off this computer, and goes back to the public one', async () => {
    await openSettings(client);
    expect(walletConnect().queryByRole('button', { name: 'Use the public relay' })).toBeNull();
    await type(field('Relay'), 'ws://relay.example.org');
    expect(walletConnect().getByText(/A relay address like wss:\/\/relay\.walletconnect\.org/)).toBeTruthy();
    expect(saveButton(1).getAttribute('aria-disabled')).toBe('true');

    await type(field('Relay'), 'ws://127.0.0.1:5555');
    await act(async () => fireEvent.click(saveButton(1)));
    expect(settingsSets().at(-1)?.request).toEqual({ walletConnectRelayUrl: 'ws://127.0.0.1:5555' });
    await act(async () =>
      fireEvent.click(walletConnect().getByRole('button', { name: 'Use the public relay' })),
    );
    expect(settingsSets().at(-1)?.request).toEqual({
      walletConnectRelayUrl: 'wss://relay.walletconnect.org',
    });
    expect(field('Relay').value).toBe('wss://relay.walletconnect.org');
  });
});
