import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeBridgeCode } from '../../../shared/bridge/bridgeInvite';
import { BrowserPairing, type PairingPeer } from './browserPairing';

const NOW = 1_800_000_000_000;
const KEY = new Uint8Array(32).fill(9);

function setup() {
  const changed = vi.fn();
  const pairing = new BrowserPairing({ now: () => NOW, changed });
  pairing.start(KEY, 47391);
  const view = pairing.view() as NonNullable<ReturnType<BrowserPairing['view']>>;
  const invite = decodeBridgeCode(view.code, NOW);
  const peer = { accept: vi.fn(async () => undefined), refuse: vi.fn() } satisfies PairingPeer;
  return { pairing, changed, view, invite, peer };
}

afterEach(() => vi.useRealTimers());

describe('a browser pairing attempt', () => {
  it('shows a code for the desktop key and port, which one handshake may claim', () => {
    const { pairing, view, invite } = setup();
    expect(view).toMatchObject({ state: 'waiting', sas: null, expiresAt: NOW + 120_000 });
    expect(invite.desktopKey).toEqual(KEY);
    expect(invite.port).toBe(47391);
    expect(pairing.claim(new Uint8Array(16))).toBeNull();
    expect(new Uint8Array(pairing.claim(invite.rendezvous) ?? [])).toEqual(invite.psk);
    expect(pairing.claim(invite.rendezvous)).toBeNull();
  });

  it('pairs when the user confirms the codes the extension proved', async () => {
    const { pairing, invite, view, peer } = setup();
    pairing.claim(invite.rendezvous);
    pairing.hello(peer, 'Firefox', '123456');
    expect(pairing.view()).toMatchObject({ state: 'confirming', sas: '123456', browserName: 'Firefox' });
    await pairing.confirm(view.id, true);
    expect(peer.accept).toHaveBeenCalledOnce();
    expect(pairing.view()?.state).toBe('paired');
  });

  it('refuses the extension when the codes differ, or storing fails', async () => {
    const differ = setup();
    differ.pairing.claim(differ.invite.rendezvous);
    differ.pairing.hello(differ.peer, 'Firefox', '123456');
    await differ.pairing.confirm(differ.view.id, false);
    expect(differ.peer.refuse).toHaveBeenCalledWith(expect.stringMatching(/codes differ/));
    expect(differ.pairing.view()).toMatchObject({ state: 'failed', sas: null });

    const broken = setup();
    broken.peer.accept.mockRejectedValueOnce(new Error('disk full'));
    broken.pairing.claim(broken.invite.rendezvous);
    broken.pairing.hello(broken.peer, 'Firefox', '123456');
    await broken.pairing.confirm(broken.view.id, true);
    expect(broken.pairing.view()).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/disk full/),
    });
  });

  it('refuses a hello without a claim, and a confirm before there are codes', async () => {
    const { pairing, view, peer } = setup();
    pairing.hello(peer, 'Firefox', '123456');
    expect(peer.refuse).toHaveBeenCalled();
    await expect(pairing.confirm(view.id, true)).rejects.toThrow(/no code to compare/);
    await expect(pairing.confirm('0'.repeat(32), true)).rejects.toThrow(/not shown any more/);
  });

  it('expires an unused code, and fails one whose codes were not confirmed in time', () => {
    vi.useFakeTimers();
    const unused = setup();
    vi.advanceTimersByTime(120_000);
    expect(unused.pairing.view()).toMatchObject({ state: 'expired' });
    expect(unused.pairing.claim(unused.invite.rendezvous)).toBeNull();

    const slow = setup();
    slow.pairing.claim(slow.invite.rendezvous);
    slow.pairing.hello(slow.peer, 'Firefox', '123456');
    vi.advanceTimersByTime(120_000);
    expect(slow.peer.refuse).toHaveBeenCalledWith(expect.stringMatching(/not confirmed in time/));
    expect(slow.pairing.view()?.state).toBe('failed');
  });

  it('fails when the claiming socket leaves, and a new code tells a comparing extension', () => {
    const left = setup();
    left.pairing.claim(left.invite.rendezvous);
    left.pairing.lost(null, 'gone');
    expect(left.pairing.view()).toMatchObject({ state: 'failed', error: 'gone' });

    const replaced = setup();
    replaced.pairing.claim(replaced.invite.rendezvous);
    replaced.pairing.hello(replaced.peer, 'Firefox', '123456');
    replaced.pairing.start(KEY, 47391);
    expect(replaced.peer.refuse).toHaveBeenCalledWith(expect.stringMatching(/new pairing code/));
    expect(replaced.pairing.view()?.state).toBe('waiting');
  });
});
