// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PendingPairing } from '../client/phoneClient';
import { PairingError } from '../../shared/pairing/pairingError';
import { PairScreen } from './PairScreen';
import { pairedDesktop, StubClient } from '../../../test/companion/stubClient';

afterEach(cleanup);

const URL = 'http://192.168.1.20:47110/#AQID';

function pendingPairing(
  confirm: () => Promise<ReturnType<typeof pairedDesktop>> = () => Promise.resolve(pairedDesktop()),
) {
  return { code: '042917', confirm: vi.fn(confirm), reject: vi.fn() } satisfies PendingPairing;
}

async function open(client: StubClient, onDone = vi.fn()) {
  await act(async () => {
    render(<PairScreen client={client} inviteUrl={URL} onDone={onDone} />);
  });
  return onDone;
}

describe('PairScreen', () => {
  it('shows the code in two groups and confirms it when the codes match', async () => {
    const client = StubClient.with();
    const pairing = pendingPairing();
    client.pairing = () => Promise.resolve(pairing);
    const onDone = await open(client);

    expect(client.calls).toEqual([['pair', URL]]);
    expect(screen.getByText('042 917')).toBeTruthy();
    expect(screen.getByText('Check the desktop shows the same code.')).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Codes match' })));
    expect(pairing.confirm).toHaveBeenCalledWith('042917');
    expect(pairing.reject).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Paired with Work laptop');

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onDone).toHaveBeenCalled();
  });

  it('tells the desktop when the codes differ and pairs nothing', async () => {
    const client = StubClient.with();
    const pairing = pendingPairing();
    client.pairing = () => Promise.resolve(pairing);
    await open(client);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Codes differ' })));
    expect(pairing.reject).toHaveBeenCalled();
    expect(pairing.confirm).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/codes differ, so nothing was paired/);
  });

  it('explains an expired QR code and what to do', async () => {
    const client = StubClient.with();
    client.pairing = () =>
      Promise.reject(
        new PairingError('invite_expired', 'This pairing code expired. Show a new one on the desktop.'),
      );
    await open(client);
    expect(screen.getByRole('alert').textContent).toMatch(/This QR code expired/);
    expect(screen.getByText(/show a new QR code and scan it/)).toBeTruthy();
  });

  it('explains an unreachable desktop', async () => {
    const client = StubClient.with();
    client.pairing = () =>
      Promise.reject(new PairingError('relay_unreachable', 'The desktop did not answer.'));
    await open(client);
    expect(screen.getByRole('alert').textContent).toMatch(/cannot be reached/);
    expect(screen.getByText(/same Wi-Fi/)).toBeTruthy();
  });

  it('reports the desktop refusing the code after the user confirmed it', async () => {
    const client = StubClient.with();
    const pairing = pendingPairing(() =>
      Promise.reject(new PairingError('codes_differ', 'The desktop saw another code.')),
    );
    client.pairing = () => Promise.resolve(pairing);
    await open(client);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Codes match' })));
    expect(screen.getByRole('alert').textContent).toMatch(/The codes did not match/);
  });
});
