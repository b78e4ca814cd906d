// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettings, section } from '../../../test/renderer/openSettings';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(cleanup);

const secrets = () => section('Secrets');
const vaultState = () => screen.getByTestId('vault-state');

const LOCKED_REMEDY =
  'The login keyring is locked, so the wallet cannot reach its secrets. Unlock it, then try again.';

async function openWithVault(state: 'available' | 'locked' | 'unavailable', message: string) {
  client.vault = { backend: 'Secret Service (GNOME Keyring, KWallet)', state, message };
  await openSettings(client);
  await act(async () => undefined);
}

describe('SecretsSection', () => {
  it('names the keychain and shows it is available, as a status with an icon and a word', async () => {
    await openWithVault('available', 'Secrets are encrypted with a key kept in the Secret Service.');
    expect(vaultState().textContent).toBe('Available');
    expect(vaultState().getAttribute('role')).toBe('status');
    expect(vaultState().querySelector('svg')).toBeTruthy();
    expect(secrets().getByText('OS keychain · Secret Service (GNOME Keyring, KWallet)')).toBeTruthy();
    expect(secrets().getByText('Secrets are encrypted with a key kept in the Secret Service.')).toBeTruthy();
  });

  it('when locked, says that no secret is kept and shows what to do, prominently', async () => {
    await openWithVault('locked', LOCKED_REMEDY);
    expect(vaultState().textContent).toBe('Locked');
    const warning = secrets().getByText(LOCKED_REMEDY).closest('.callout');
    expect(warning?.getAttribute('data-tone')).toBe('warning');
    expect(warning?.textContent).toContain(
      'The wallet cannot store or read secrets while the keychain is locked',
    );
  });

  it('when there is no keychain, says so and passes on how to get one', async () => {
    await openWithVault('unavailable', 'No keyring (Secret Service) is running. Install gnome-keyring.');
    expect(vaultState().textContent).toBe('Unavailable');
    expect(secrets().getByText('The wallet cannot store or read secrets without a keychain')).toBeTruthy();
    expect(
      secrets().getByText('No keyring (Secret Service) is running. Install gnome-keyring.'),
    ).toBeTruthy();
  });

  it('asks main again on "Check again", e.g. after the user unlocked the keyring', async () => {
    await openWithVault('locked', LOCKED_REMEDY);
    client.vault = { ...client.vault, state: 'available', message: 'Secrets are encrypted.' };
    const release = client.hold('vault.status');
    await act(async () => fireEvent.click(secrets().getByRole('button', { name: 'Check again' })));
    expect(vaultState().textContent).toBe('Checking…');
    await act(async () => release());
    expect(client.calls.filter((call) => call.channel === 'vault.status')).toHaveLength(2);
    expect(vaultState().textContent).toBe('Available');
    expect(secrets().queryByText(LOCKED_REMEDY)).toBeNull();
  });

  it('says so when the check itself fails, and lets the user try again', async () => {
    client.refuseNext('vault.status', { code: 'internal', message: 'The wallet core failed; see its log.' });
    await openSettings(client);
    await act(async () => undefined);
    expect(vaultState().textContent).toBe('Unknown');
    expect(secrets().getByRole('alert').textContent).toBe(
      'Could not check the keychain: The wallet core failed; see its log.',
    );
    await act(async () => fireEvent.click(secrets().getByRole('button', { name: 'Check again' })));
    expect(vaultState().textContent).toBe('Available');
    expect(secrets().queryByRole('alert')).toBeNull();
  });
});
