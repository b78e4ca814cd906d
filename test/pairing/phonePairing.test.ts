import { Transaction } from 'ethers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { phoneAccount } from '../../src/companion/core/phoneKeys';
import { RelayClient } from '../../src/shared/pairing/relayClient';
import { startAnvil, type AnvilNode } from '../anvil/anvil';
import { anvilCall, waitForReceipt } from '../anvil/chainSetup';
import { TEST_MNEMONIC } from '../signing/fixtures';
import { useTempDatabase } from '../store/tempDatabase';
import {
  headlessPhone,
  pairPhone,
  startDesktop,
  until,
  type Desktop,
  type HeadlessPhone,
} from './pairingHarness';
import { BOB, CHAIN_ID, reviewOf, transfer } from './reviewedTransfer';

const PHONE_MNEMONIC = 'legal winner thank year wave sausage worth useful legal winner thank yellow';

const temp = useTempDatabase('pairing-');
let desktop: Desktop;
afterEach(async () => desktop?.close());

const pair = (phone: HeadlessPhone) => pairPhone(desktop, phone);

describe('pairing a phone and signing with it', () => {
  let anvil: AnvilNode;
  beforeAll(async () => {
    anvil = await startAnvil(CHAIN_ID);
  });
  afterAll(async () => anvil?.stop());

  it('pairs, then a transfer signed on the phone recovers to its address and is mined on anvil', async () => {
    desktop = startDesktop(temp.db);
    const phone = headlessPhone(PHONE_MNEMONIC);
    const { account, paired } = await pair(phone);
    const address = phoneAccount(PHONE_MNEMONIC).address;
    expect(account.address).toBe(address);
    expect(paired.name).toBe('Test desktop');
    expect(desktop.view().phones).toMatchObject([{ name: 'Alice’s phone', address, status: 'active' }]);

    await anvilCall(anvil.url, 'anvil_setBalance', [address, '0xde0b6b3a7640000']);
    const signing = desktop.signers.signTransaction(account.id, transfer(0), reviewOf(transfer(0)));
    const request = await until(() => phone.client.requests()[0], 'the request on the phone');
    expect(request.request).toMatchObject({ chainId: CHAIN_ID, desktop: 'Test desktop', desktopChainId: 1 });
    expect(request.request).toMatchObject({ t: 'sign', tx: { to: BOB, value: '10000000000000000' } });
    await phone.client.approve(request.request.id);
    const signed = await signing;

    expect(Transaction.from(signed.serialized).from).toBe(address);
    const hash = await anvilCall(anvil.url, 'eth_sendRawTransaction', [signed.serialized]);
    expect(hash).toBe(signed.hash);
    const receipt = await waitForReceipt(anvil.url, String(hash));
    expect(receipt.status).toBe('0x1');
    // History names the phone as the origin of what it signed.
    expect(desktop.repositories.signatures.byDigest(signed.hash)).toMatchObject([
      { signer: 'phone', address },
    ]);
    phone.client.disconnect();
  });

  it('waits while the phone is offline, then delivers on its reconnection, which derives fresh keys', async () => {
    let offline = 0;
    desktop = startDesktop(temp.db, { now: () => Date.now() + offline });
    const phone = headlessPhone(PHONE_MNEMONIC);
    const { account } = await pair(phone);
    const firstRoute = phone.sent.at(-1)?.route;
    phone.client.disconnect();
    // Past the window in which the desktop counts a silent phone as still there.
    offline = 60_000;
    const states: string[] = [];
    desktop.events.subscribe((name, payload) => {
      if (name === 'signing.request') states.push((payload as { status: string }).status);
    });
    const signing = desktop.signers.signTransaction(account.id, transfer(0), reviewOf(transfer(0)));
    await until(() => states.includes('waiting_for_phone'), 'the waiting state');
    const desktopId = phone.state().desktops[0]?.id as string;
    const inboxBefore = phone.state().desktops[0]?.inbox;
    await phone.client.connect(desktopId);
    expect(phone.state().desktops[0]?.inbox).not.toBe(inboxBefore);
    const request = await until(() => phone.client.requests()[0], 'the request after reconnecting');
    expect(phone.sent.at(-1)?.route).not.toEqual(firstRoute);
    await phone.client.approve(request.request.id);
    await expect(signing).resolves.toMatchObject({ hash: expect.stringMatching(/^0x/) });
    expect(states).toContain('awaiting_confirmation');
    phone.client.disconnect();
  });
});

describe('resuming after lost answers', () => {
  it('accepts the phone after the handshake answer was lost twice in a row', async () => {
    desktop = startDesktop(temp.db);
    let drops = 0;
    const phone = headlessPhone(PHONE_MNEMONIC, {
      connectRelay: async (url, handlers) => {
        const link = await RelayClient.connect(url);
        // Message 2 is the only 48-byte body the phone receives: the relay loses it while `drops` lasts.
        link.on('deliver', (route, frame) => {
          if (frame.length === 48 && drops > 0) drops--;
          else handlers.deliver(route, frame);
        });
        link.on('error', handlers.error);
        link.on('closed', handlers.closed);
        return link;
      },
    });
    await pair(phone);
    const desktopId = phone.state().desktops[0]?.id as string;
    phone.client.disconnect();
    drops = 2;
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(phone.client.connect(desktopId)).rejects.toMatchObject({ code: 'relay_unreachable' });
    }
    await expect(phone.client.connect(desktopId)).resolves.toBeUndefined();
    expect(phone.client.online(desktopId)).toBe(true);
    phone.client.disconnect();
  });
});

describe('what the protocol refuses', () => {
  it('rejects a replayed frame and a tampered frame, and the session goes on', async () => {
    desktop = startDesktop(temp.db);
    const phone = headlessPhone(PHONE_MNEMONIC);
    const { account } = await pair(phone);
    // The last frame the phone sent is its `confirm`: replayed, it would pair the phone a second time.
    const confirmFrame = phone.sent.at(-1) as NonNullable<(typeof phone.sent)[number]>;
    const deliveredToPhone = phone.received.length;
    let accountEvents = 0;
    desktop.events.subscribe((name) => void (name === 'accounts.changed' && accountEvents++));
    const attacker = await RelayClient.connect(desktop.relayUrl());
    attacker.send(confirmFrame.route, confirmFrame.frame);
    await until(
      () => desktop.log.warn.mock.calls.some(([, fields]) => fields?.code === 'replayed_frame'),
      'the replay to be refused',
    );
    const tampered = confirmFrame.frame.slice();
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] as number) ^ 1;
    // A fresh counter so the frame passes the replay check and fails authentication.
    tampered[7] = 200;
    attacker.send(confirmFrame.route, tampered);
    await until(
      () => desktop.log.warn.mock.calls.some(([, fields]) => fields?.code === 'tampered_frame'),
      'the tampered frame to be refused',
    );
    await attacker.disconnect();
    // Nothing changed: one phone, one account, and no second `paired`. The phone listens on the same route,
    // so it got the attacker's two frames, and nothing from the desktop.
    expect(desktop.repositories.accounts.list()).toEqual([account]);
    expect(desktop.view().phones).toMatchObject([{ fingerprint: account.deviceFingerprint }]);
    expect(desktop.view().attempt?.state).toBe('paired');
    expect(phone.state().desktops).toHaveLength(1);
    expect(phone.received.slice(deliveredToPhone).map(({ frame }) => frame)).toEqual([
      confirmFrame.frame,
      tampered,
    ]);
    expect(accountEvents).toBe(0);

    const signing = desktop.signers.signTransaction(account.id, transfer(0), reviewOf(transfer(0)));
    const request = await until(() => phone.client.requests()[0], 'a request after the attacks');
    await phone.client.approve(request.request.id);
    await expect(signing).resolves.toBeTruthy();
    phone.client.disconnect();
  });

  it('rejects an expired QR code and a QR code used once already', async () => {
    desktop = startDesktop(temp.db);
    const view = await desktop.pairing.start();
    const url = view.attempt?.url as string;
    const late = headlessPhone(PHONE_MNEMONIC, { now: () => Date.now() + 121_000 });
    await expect(late.client.pair(url)).rejects.toMatchObject({ code: 'invite_expired' });
    const first = headlessPhone(PHONE_MNEMONIC);
    await first.client.pair(url);
    const second = headlessPhone(TEST_MNEMONIC);
    await expect(second.client.pair(url)).rejects.toMatchObject({
      code: 'relay_refused',
      message: expect.stringMatching(/already used or has expired/),
    });
    first.client.disconnect();
  });

  it('rejects a wrong 6-digit confirmation on both sides', async () => {
    desktop = startDesktop(temp.db);
    const view = await desktop.pairing.start();
    const phone = headlessPhone(PHONE_MNEMONIC);
    const pending = await phone.client.pair(view.attempt?.url as string);
    await until(() => desktop.view().attempt?.state === 'confirming', 'the code');
    const wrong = String((Number(pending.code) + 1) % 1_000_000).padStart(6, '0');
    await expect(pending.confirm(wrong)).rejects.toMatchObject({ code: 'codes_differ' });
    expect(desktop.view().attempt).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/Nothing was paired/),
    });
    expect(desktop.repositories.accounts.list()).toEqual([]);
  });

  it('rejects a relay that swaps keys, in either direction', async () => {
    desktop = startDesktop(temp.db);
    // The relay replaces the phone's ephemeral key in message 1: the desktop cannot verify it.
    const view = await desktop.pairing.start();
    const swapOut = headlessPhone(PHONE_MNEMONIC, {
      connectRelay: async (url, handlers) => {
        const link = await RelayClient.connect(url);
        link.on('deliver', handlers.deliver);
        link.on('error', handlers.error);
        link.on('closed', handlers.closed);
        const knock = link.knock.bind(link);
        link.knock = (rendezvous, reply, handshake) => {
          const swapped = handshake.slice();
          swapped.set(new Uint8Array(32).fill(9), 0);
          knock(rendezvous, reply, swapped);
        };
        return link;
      },
    });
    await expect(swapOut.client.pair(view.attempt?.url as string)).rejects.toMatchObject({
      code: 'relay_unreachable',
    });
    expect(desktop.view().attempt).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/handshake failed/),
    });

    // The relay answers with its own key in place of the desktop's: the phone refuses the answer.
    const second = await desktop.pairing.start();
    const swapIn = headlessPhone(PHONE_MNEMONIC, {
      connectRelay: async (url, handlers) => {
        const link = await RelayClient.connect(url);
        link.on('deliver', (route, frame) => {
          const forged = frame.slice();
          if (frame.length === 48) forged.set(new Uint8Array(32).fill(9), 0);
          handlers.deliver(route, forged);
        });
        link.on('error', handlers.error);
        link.on('closed', handlers.closed);
        return link;
      },
    });
    await expect(swapIn.client.pair(second.attempt?.url as string)).rejects.toMatchObject({
      code: 'handshake_failed',
    });
    expect(desktop.repositories.accounts.list()).toEqual([]);
  });

  it('refuses a revoked phone at once, online or when it comes back', async () => {
    desktop = startDesktop(temp.db);
    const phone = headlessPhone(PHONE_MNEMONIC);
    const { account } = await pair(phone);
    const desktopId = phone.state().desktops[0]?.id as string;
    const fingerprint = account.deviceFingerprint as string;
    await desktop.pairing.revoke(fingerprint);
    await until(() => phone.state().desktops[0]?.status === 'revoked', 'the phone to hear of the revocation');
    expect(desktop.repositories.accounts.list()).toEqual([]);
    await expect(phone.client.connect(desktopId)).rejects.toMatchObject({ code: 'revoked' });

    // A phone revoked while offline is refused by the relay: its inbox is gone.
    const other = headlessPhone(TEST_MNEMONIC);
    const second = await pair(other);
    const otherDesktop = other.state().desktops[0]?.id as string;
    other.client.disconnect();
    await desktop.pairing.revoke(second.account.deviceFingerprint as string);
    await expect(other.client.connect(otherDesktop)).rejects.toMatchObject({
      code: 'revoked',
      message: expect.stringMatching(/does not accept this phone/),
    });
    // None of it stopped the relay: a new pairing still works.
    const third = headlessPhone(PHONE_MNEMONIC);
    await expect(pair(third)).resolves.toBeTruthy();
    third.client.disconnect();
  });
});
