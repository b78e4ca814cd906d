import { randomBytes } from 'node:crypto';
import { hexToBytes } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it } from 'vitest';
import { phoneAccount } from '../../src/companion/core/phoneKeys';
import { RelayClient } from '../../src/shared/pairing/relayClient';
import { connectRelayLink, type RelayLink } from '../../src/shared/pairing/relayLink';
import { TEST_MNEMONIC } from '../signing/fixtures';
import { useTempDatabase } from '../store/tempDatabase';
import { headlessPhone, pairPhone, scanOnly, startDesktop, until, type Desktop } from './pairingHarness';

/** Attacks on the pairing and resume handshakes, through the real relay, that the protocol refuses. */

const PHONE_MNEMONIC = 'legal winner thank year wave sausage worth useful legal winner thank yellow';

const temp = useTempDatabase('pairing-refusals-');
let desktop: Desktop;
afterEach(async () => desktop?.close());

const phoneAccounts = () => desktop.repositories.accounts.list().filter((entry) => entry.signer === 'phone');

describe('a QR code that a handshake used', () => {
  it('says at once that the code was used when the knock never says hello, and a new code pairs', async () => {
    desktop = startDesktop(temp.db);
    const shown = await desktop.pairing.start();
    const url = shown.attempt?.url as string;
    // Someone who read the code knocks first and stops after the handshake.
    const thief = await scanOnly(url);
    // At once: the desktop said so before it sent message 2, so before the thief could say anything.
    expect(desktop.view().attempt).toMatchObject({
      id: shown.attempt?.id,
      state: 'used',
      code: null,
      phoneName: null,
    });
    // The owner's phone is told the code was used, and the desktop already says so.
    const phone = headlessPhone(PHONE_MNEMONIC);
    await expect(phone.client.pair(url)).rejects.toMatchObject({
      code: 'relay_refused',
      message: expect.stringMatching(/already used/),
    });
    expect(desktop.view().attempt?.state).toBe('used');

    const { account } = await pairPhone(desktop, phone);
    expect(account.address).toBe(phoneAccount(PHONE_MNEMONIC).address);
    // The thief's hello on its dead session changes nothing.
    thief.hello(TEST_MNEMONIC);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(phoneAccounts()).toHaveLength(1);
    expect(desktop.view().phones).toMatchObject([{ name: 'Alice’s phone' }]);
    expect(thief.received).toEqual([]);
    thief.disconnect();
    phone.client.disconnect();
  });

  it('refuses a pairing phone whose first message is not hello, and a later hello does not revive it', async () => {
    desktop = startDesktop(temp.db);
    const shown = await desktop.pairing.start();
    const rogue = await scanOnly(shown.attempt?.url as string);
    rogue.say({ t: 'ping' });
    rogue.hello(TEST_MNEMONIC);
    const failed = await until(
      () => desktop.view().attempt?.state === 'failed' && desktop.view().attempt,
      'the attempt to fail',
    );
    expect(failed).toMatchObject({
      code: null,
      phoneName: null,
      error: expect.stringMatching(/opened with 'ping' instead of hello/),
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(desktop.view().attempt?.state).toBe('failed');
    expect(rogue.received).toEqual([]);
    expect(phoneAccounts()).toEqual([]);
    rogue.disconnect();

    const phone = headlessPhone(PHONE_MNEMONIC);
    await expect(pairPhone(desktop, phone)).resolves.toBeTruthy();
    expect(phoneAccounts()).toHaveLength(1);
    phone.client.disconnect();
  });
});

describe('a junk knock on a paired phone’s inbox', () => {
  it('is refused and leaves the inbox open: the phone resumes without pairing again', async () => {
    desktop = startDesktop(temp.db);
    const phone = headlessPhone(PHONE_MNEMONIC);
    const { account } = await pairPhone(desktop, phone);
    const desktopId = phone.state().desktops[0]?.id as string;
    phone.client.disconnect();

    // Inbox ids travel in the clear on the LAN: anyone can knock on one with a message 1 of junk. Twice, so
    // the inbox the phone holds after a resume is covered too.
    const attacker = await RelayClient.connect(desktop.relayUrl());
    for (let round = 0; round < 2; round++) {
      const inbox = phone.state().desktops[0]?.inbox as string;
      const warnings = desktop.log.warn.mock.calls.length;
      attacker.knock(hexToBytes(inbox), randomBytes(16), randomBytes(96));
      await until(
        () =>
          desktop.log.warn.mock.calls
            .slice(warnings)
            .some(([message]) => message === 'a handshake was refused'),
        'the junk knock to be refused',
      );
      await expect(phone.client.connect(desktopId)).resolves.toBeUndefined();
      expect(phone.client.online(desktopId)).toBe(true);
      expect(phone.state().desktops).toMatchObject([{ id: desktopId, status: 'active' }]);
      expect(phone.state().desktops[0]?.inbox).not.toBe(inbox);
      expect(phoneAccounts()).toEqual([account]);
      if (round === 0) phone.client.disconnect();
    }
    await attacker.disconnect();
    await until(() => desktop.view().phones[0]?.online, 'the desktop to see the phone online');
    expect(desktop.view().phones).toHaveLength(1);
    phone.client.disconnect();
  });
});

describe('a resume’s message 1 replayed on the inbox kept open for the phone', () => {
  it('is refused, and the inbox the phone just learned stays open', async () => {
    desktop = startDesktop(temp.db);
    let holdBack = false;
    let knock: { rendezvous: Uint8Array; handshake: Uint8Array } | null = null;
    const phone = headlessPhone(PHONE_MNEMONIC, {
      connectRelay: async (url, handlers) => {
        const link = await connectRelayLink(url, handlers);
        const wrapped = Object.create(link) as RelayLink;
        wrapped.knock = (rendezvous, replyRoute, handshake) => {
          knock = { rendezvous, handshake };
          link.knock(rendezvous, replyRoute, handshake);
        };
        // The relay holds back the phone's frames, so the desktop never learns it has the new keys.
        wrapped.send = (route, frame) => void (holdBack || link.send(route, frame));
        return wrapped;
      },
    });
    const { account } = await pairPhone(desktop, phone);
    const desktopId = phone.state().desktops[0]?.id as string;
    phone.client.disconnect();
    holdBack = true;
    await phone.client.connect(desktopId);
    const learned = phone.state().desktops[0]?.inbox;
    const captured = knock as { rendezvous: Uint8Array; handshake: Uint8Array } | null;
    if (!captured) throw new Error('the phone did not knock');

    const attacker = await RelayClient.connect(desktop.relayUrl());
    const replyRoute = randomBytes(16);
    const answers: Uint8Array[] = [];
    attacker.on('deliver', (_route, frame) => answers.push(frame));
    attacker.listen(replyRoute);
    const warnings = desktop.log.warn.mock.calls.length;
    attacker.knock(captured.rendezvous, replyRoute, captured.handshake);
    await until(
      () =>
        answers.length > 0 ||
        desktop.log.warn.mock.calls
          .slice(warnings)
          .some(
            ([message, fields]) => message === 'a handshake was refused' && /replayed/.test(fields?.reason),
          ),
      'the desktop to handle the replayed message 1',
    );
    await attacker.disconnect();

    phone.client.disconnect();
    holdBack = false;
    await expect(phone.client.connect(desktopId)).resolves.toBeUndefined();
    expect(phone.state().desktops[0]?.inbox).not.toBe(learned);
    expect(answers).toEqual([]);
    expect(phoneAccounts()).toEqual([account]);
    phone.client.disconnect();
  });
});
