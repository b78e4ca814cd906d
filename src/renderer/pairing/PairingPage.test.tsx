// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPage, region } from '../../../test/renderer/openPage';
import { pairedPhone } from '../../../test/renderer/pairingFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(cleanup);

async function click(button: HTMLElement) {
  await act(async () => fireEvent.click(button));
}

async function showQrCode() {
  await openPage(client, 'pairing', 'Pairing');
  await click(await region('Pair a phone').findByRole('button', { name: 'Show QR code' }));
}

describe('Pairing page', () => {
  it('draws the invite as an SVG QR code with a live expiry', async () => {
    await showQrCode();
    const pair = region('Pair a phone');
    const qr = pair.getByRole('img', { name: 'Pairing QR code' });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    // The light background plus many dark runs, all inside the quiet zone.
    const rects = [...qr.querySelectorAll('rect')];
    expect(rects.length).toBeGreaterThan(20);
    const extent = Number(qr.getAttribute('viewBox')?.split(' ')[2]);
    expect(rects.slice(1).every((rect) => Number(rect.getAttribute('x')) >= 4)).toBe(true);
    expect(rects.slice(1).every((rect) => Number(rect.getAttribute('y')) < extent - 4)).toBe(true);
    expect(pair.getByText(/^Expires in (2:00|1:59)$/)).toBeTruthy();
    expect(pair.getByText(/Open the camera on your phone/)).toBeTruthy();
  });

  it('offers a new code once the shown one ran out', async () => {
    await showQrCode();
    act(() => void client.updateAttempt({ expiresAt: Date.now() - 1000 }));
    const pair = region('Pair a phone');
    expect(pair.getByText('Expired — show a new code')).toBeTruthy();
    const first = client.pairing.attempt?.id;
    await click(pair.getByRole('button', { name: 'Show a new code' }));
    expect(client.pairing.attempt?.id).not.toBe(first);
    expect(pair.getByText(/^Expires in/)).toBeTruthy();
  });

  it('lets a code run out calmly while the user watches', async () => {
    await showQrCode();
    const error = 'The QR code expired before a phone scanned it.';
    act(() => void client.updateAttempt({ state: 'expired', error }));
    const pair = region('Pair a phone');
    expect(pair.getByText('Expired — show a new code')).toBeTruthy();
    expect(pair.queryByRole('alert')).toBeNull();
    expect(pair.queryByText(error)).toBeNull();
    await click(pair.getByRole('button', { name: 'Show a new code' }));
    expect(pair.getByText(/^Expires in/)).toBeTruthy();
  });

  it('greets a returning user with a fresh start, not a past attempt or a red relay', async () => {
    client.pairing.relay = { ...client.pairing.relay, running: false, url: null, error: null };
    // Main still holds the attempt that ran out while the user was on another page.
    client.pairing.attempt = {
      id: 'attempt-past',
      url: 'http://127.0.0.1:8787/#past',
      expiresAt: Date.now() - 60_000,
      state: 'expired',
      code: null,
      phoneName: null,
      phoneConfirmed: false,
      desktopConfirmed: false,
      error: 'The QR code expired before a phone scanned it.',
    };
    await openPage(client, 'pairing', 'Pairing');
    const pair = region('Pair a phone');
    expect(await pair.findByRole('button', { name: 'Show QR code' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/expired/i)).toBeNull();
    const relay = region('Relay');
    expect(relay.getByText('Not running').dataset.tone).toBeUndefined();
    expect(relay.queryByText('Stopped')).toBeNull();
    expect(relay.getByText('127.0.0.1:8787. It starts when you show a QR code.')).toBeTruthy();
  });

  it('says at once that a scanned code was used, and offers a new one', async () => {
    await showQrCode();
    act(() => void client.updateAttempt({ state: 'used' }));
    const pair = region('Pair a phone');
    expect(pair.getByText('This code was used')).toBeTruthy();
    expect(pair.getByText(/another device scanned it: show a new code/)).toBeTruthy();
    expect(pair.queryByRole('img', { name: 'Pairing QR code' })).toBeNull();
    const first = client.pairing.attempt?.id;
    await click(pair.getByRole('button', { name: 'Show a new code' }));
    expect(client.pairing.attempt).toMatchObject({ state: 'waiting' });
    expect(client.pairing.attempt?.id).not.toBe(first);
    expect(pair.getByRole('img', { name: 'Pairing QR code' })).toBeTruthy();
  });

  it('pairs when both sides confirm the same code', async () => {
    await showQrCode();
    act(() => void client.phoneHandshake('Alice’s phone', '123456'));
    const pair = region('Pair a phone');
    expect(pair.getByText('123 456')).toBeTruthy();
    expect(pair.getByText('Alice’s phone')).toBeTruthy();
    expect(pair.getByText(/Check that your phone shows the same code/)).toBeTruthy();
    expect(pair.getByRole('status').textContent).toBe('Waiting for you to confirm on the phone…');

    act(() => void client.phoneConfirms());
    expect(pair.getByRole('status').textContent).toBe('Confirmed on the phone');

    await click(pair.getByRole('button', { name: 'Codes match' }));
    expect(client.calls.at(-1)).toEqual({
      channel: 'pairing.confirm',
      request: { id: 'attempt-1', matches: true },
    });
    expect(pair.getByRole('status').textContent).toContain('Alice’s phone is paired');
    expect(region('Paired phones').getByRole('listitem', { name: 'Alice’s phone' })).toBeTruthy();
  });

  it('fails the attempt when the codes differ, and starts over on request', async () => {
    await showQrCode();
    act(() => void client.phoneHandshake('Mallory', '654321'));
    const pair = region('Pair a phone');
    await click(pair.getByRole('button', { name: 'Codes differ' }));
    expect(client.calls.at(-1)?.request).toEqual({ id: 'attempt-1', matches: false });
    expect(pair.getByRole('alert').textContent).toContain('The codes did not match');
    expect(region('Paired phones').getByText('No phone is paired yet.')).toBeTruthy();

    await click(pair.getByRole('button', { name: 'Try again' }));
    expect(pair.getByRole('img', { name: 'Pairing QR code' })).toBeTruthy();
  });

  it('lists paired phones and revokes one only after confirmation', async () => {
    const now = Date.now();
    client.pairing.phones = [
      pairedPhone('Alice’s phone'),
      pairedPhone('Old phone', { online: false, status: 'expired', lastSeenAt: now - 8 * 86_400_000 }),
    ];
    await openPage(client, 'pairing', 'Pairing');
    const phones = region('Paired phones');
    const alice = within(await phones.findByRole('listitem', { name: 'Alice’s phone' }));
    expect(alice.getByText('0x8ba1…BA72').getAttribute('title')).toBe(
      '0x8ba1f109551bD432803012645Ac136ddd64DBA72',
    );
    expect(alice.getByText('Online now')).toBeTruthy();
    const old = within(phones.getByRole('listitem', { name: 'Old phone' }));
    expect(old.getByText('8 d ago')).toBeTruthy();
    expect(old.getByText('Pairing expired')).toBeTruthy();
    expect(old.getByRole('button', { name: 'Pair again' })).toBeTruthy();

    await click(alice.getByRole('button', { name: 'Revoke' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Revoke Alice’s phone?' }));
    await click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(client.calls.some((call) => call.channel === 'pairing.revoke')).toBe(false);

    await click(alice.getByRole('button', { name: 'Revoke' }));
    await click(screen.getByRole('button', { name: 'Revoke phone' }));
    expect(client.calls.at(-1)).toEqual({
      channel: 'pairing.revoke',
      request: { fingerprint: 'phone-alice-s-phone' },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(phones.queryByRole('listitem', { name: 'Alice’s phone' })).toBeNull();
  });

  it('moves the relay to another interface and port, and shows why it stopped', async () => {
    await openPage(client, 'pairing', 'Pairing');
    const relay = region('Relay');
    expect(await relay.findByText('http://127.0.0.1:8787/')).toBeTruthy();
    expect(relay.getByText('Only this computer can reach the relay')).toBeTruthy();

    fireEvent.change(relay.getByRole('combobox', { name: 'Interface' }), {
      target: { value: '192.168.1.20' },
    });
    const port = relay.getByRole('textbox', { name: 'Port' });
    fireEvent.change(port, { target: { value: '80' } });
    expect(relay.getByText('Choose a port from 1024 to 65535.')).toBeTruthy();
    await click(relay.getByRole('button', { name: 'Save' }));
    expect(client.calls.some((call) => call.channel === 'pairing.setRelay')).toBe(false);

    fireEvent.change(port, { target: { value: '8788' } });
    await click(relay.getByRole('button', { name: 'Save' }));
    expect(client.calls.at(-1)).toEqual({
      channel: 'pairing.setRelay',
      request: { host: '192.168.1.20', port: 8788 },
    });
    expect(relay.getByText('http://192.168.1.20:8788/')).toBeTruthy();
    expect(relay.queryByText('Only this computer can reach the relay')).toBeNull();

    const error = 'Port 8788 is in use by another program. Choose another port.';
    act(() => void client.updatePairing({ relay: { ...client.pairing.relay, running: false, error } }));
    expect(relay.getByRole('alert').textContent).toContain(error);
    expect(relay.getByText('Stopped').dataset.tone).toBe('danger');
  });
});
