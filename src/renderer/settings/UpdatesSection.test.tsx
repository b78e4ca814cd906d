// @vitest-environment happy-dom
import { act, cleanup, fireEvent } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettings, section } from '../../../test/renderer/openSettings';
import { TEST_RELEASE_KEY_FINGERPRINT } from '../../../test/renderer/double/updatesCalls';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';
import { DEFAULT_UPDATE_FEED, type UpdateStatus } from '../../shared/updates';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(cleanup);

const updates = () => section('Updates');
const checkButton = () => updates().getByRole('button', { name: 'Check for updates' });
const restartButton = () => updates().queryByRole('button', { name: 'Restart to update' });
const feed = () => updates().getByRole<HTMLInputElement>('textbox', { name: 'Release feed' });
const callsTo = (channel: string) => client.calls.filter((call) => call.channel === channel);
const REFUSAL =
  'The release metadata is not signed: Ledgerline installs only releases signed with its release key. It was not installed; the version installed now keeps running.';

async function show(status: UpdateStatus) {
  await act(async () => void client.updates.update(status));
}

async function click(element: HTMLElement) {
  await act(async () => fireEvent.click(element));
}

async function type(text: string) {
  await act(async () => fireEvent.change(feed(), { target: { value: text } }));
}

describe('Settings › Updates', () => {
  it('shows the installed version, that nothing was checked yet, and the pinned key', async () => {
    await openSettings(client);
    expect(updates().getByText('Installed version 9.9.9-test')).toBeTruthy();
    expect(updates().getByRole('status').textContent).toBe('Not checked since Ledgerline started.');
    const key = updates().getByTestId('release-key');
    expect(key.textContent).toBe(TEST_RELEASE_KEY_FINGERPRINT);
    expect(updates().getByRole('button', { name: 'Copy the release key’s fingerprint' })).toBeTruthy();
    expect(restartButton()).toBeNull();
  });

  it('checks when asked, and says since when it is up to date', async () => {
    client.updates.nextCheck = { state: 'up-to-date', checkedAt: Date.now() - 5 * 60_000 };
    await openSettings(client);
    await click(checkButton());
    expect(callsTo('updates.check')).toHaveLength(1);
    expect(updates().getByRole('status').textContent).toBe('Up to date · checked 5 min ago');
  });

  it('says why this build cannot update, and offers no check', async () => {
    client.updates.status = {
      state: 'unavailable',
      reason: 'This build does not update itself: it runs from the source tree.',
    };
    await openSettings(client);
    expect(updates().getByRole('status').textContent).toBe(
      'This build does not update itself: it runs from the source tree.',
    );
    expect(checkButton().getAttribute('aria-disabled')).toBe('true');
    await click(checkButton());
    expect(callsTo('updates.check')).toHaveLength(0);
  });

  it('offers no second check while one is running or a release is downloading', async () => {
    await openSettings(client);
    await show({ state: 'checking' });
    expect(updates().getByRole('status').textContent).toBe('Checking the release feed…');
    expect(checkButton().getAttribute('aria-disabled')).toBe('true');

    await show({ state: 'downloading', version: '10.0.0', percent: 42.5 });
    expect(updates().getByRole('status').textContent).toBe('Downloading 10.0.0 · 42%');
    const bar = updates().getByRole<HTMLProgressElement>('progressbar', {
      name: 'Downloading version 10.0.0',
    });
    expect(bar.value).toBe(42.5);
    expect(checkButton().getAttribute('aria-disabled')).toBe('true');
    await click(checkButton());
    expect(callsTo('updates.check')).toHaveLength(0);
    expect(restartButton()).toBeNull();
  });

  it('offers the restart only once a release is ready, and restarts only when the user asks', async () => {
    await openSettings(client);
    await show({ state: 'ready', version: '10.0.0', releaseDate: null });
    expect(updates().getByRole('status').textContent).toBe(
      'Version 10.0.0 is downloaded and verified. It installs when you restart.',
    );
    expect(client.updates.restarts).toBe(0);
    await click(restartButton() as HTMLElement);
    expect(client.updates.restarts).toBe(1);
    expect(checkButton().getAttribute('aria-disabled')).toBe('false');
  });

  it('says when main refused the restart', async () => {
    await openSettings(client);
    await show({ state: 'ready', version: '10.0.0', releaseDate: null });
    client.refuseNext('updates.restart', {
      code: 'invalid_state',
      message: 'No update is ready to install. Check for updates first.',
    });
    await click(restartButton() as HTMLElement);
    expect(updates().getByRole('alert').textContent).toContain(
      'Not restarted: No update is ready to install. Check for updates first.',
    );
    expect(client.updates.restarts).toBe(0);
  });

  it('shows a refusal in main’s words, with the installed version still running and no restart', async () => {
    await openSettings(client);
    await show({ state: 'refused', code: 'unsigned', version: '10.0.0', message: REFUSAL, at: Date.now() });
    expect(updates().getByRole('status').textContent).toBe('Version 10.0.0 refused · just now');
    expect(updates().getByText('Update refused · version 9.9.9-test keeps running')).toBeTruthy();
    expect(updates().getByText(REFUSAL)).toBeTruthy();
    expect(restartButton()).toBeNull();
    expect(checkButton().getAttribute('aria-disabled')).toBe('false');
  });

  it('shows a check that did not finish, with its reason', async () => {
    client.updates.nextCheck = {
      state: 'failed',
      message: 'The release feed did not answer. Check the address, or try again later.',
      at: Date.now(),
    };
    await openSettings(client);
    await click(checkButton());
    expect(updates().getByRole('status').textContent).toBe('The last attempt did not finish · just now');
    expect(
      updates().getByText('The release feed did not answer. Check the address, or try again later.'),
    ).toBeTruthy();
    expect(updates().queryByText(/Update refused/)).toBeNull();
  });

  it('follows what main pushes on its own, e.g. an automatic check', async () => {
    await openSettings(client);
    await show({ state: 'up-to-date', checkedAt: Date.now() });
    expect(updates().getByRole('status').textContent).toBe('Up to date · checked just now');
  });

  it('says what automatic checks give away, and saves the switch', async () => {
    await openSettings(client);
    expect(
      updates().getByText(
        'Asks the release feed on start and twice a day; the feed learns your IP address and installed version.',
      ),
    ).toBeTruthy();
    const automatic = updates().getByRole<HTMLInputElement>('switch', { name: 'Check automatically' });
    expect(automatic.checked).toBe(true);
    await click(automatic);
    expect(callsTo('settings.set').at(-1)?.request).toEqual({ automaticUpdates: false });
    expect(client.settings.automaticUpdates).toBe(false);
  });

  it('takes a feed on this computer, refuses plain http elsewhere, and goes back to the default', async () => {
    await openSettings(client);
    expect(feed().value).toBe(DEFAULT_UPDATE_FEED);
    expect(updates().queryByRole('button', { name: 'Reset to default' })).toBeNull();
    expect(
      updates().getByText(
        'Releases are installed only when signed with Ledgerline’s release key, whatever the feed.',
      ),
    ).toBeTruthy();

    await type('http://example.com/');
    expect(feed().getAttribute('aria-invalid')).toBe('true');
    expect(updates().getByText('A release feed address like https://releases.ledgerline.app/.')).toBeTruthy();
    await act(async () => fireEvent.submit(feed().closest('form') as HTMLFormElement));
    expect(callsTo('settings.set')).toHaveLength(0);

    await type('http://127.0.0.1:1/feed/');
    expect(feed().getAttribute('aria-invalid')).toBe('false');
    await click(updates().getByRole('button', { name: 'Save' }));
    expect(client.settings.updateFeedUrl).toBe('http://127.0.0.1:1/feed/');

    await click(updates().getByRole('button', { name: 'Reset to default' }));
    expect(callsTo('settings.set').at(-1)?.request).toEqual({ updateFeedUrl: DEFAULT_UPDATE_FEED });
    expect(feed().value).toBe(DEFAULT_UPDATE_FEED);
  });
});
