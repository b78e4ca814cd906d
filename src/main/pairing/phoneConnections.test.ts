import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it, vi } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { memorySecrets } from '../../../test/vault/memorySecrets';
import { generateKeyPair, NoiseHandshake } from '../../shared/pairing/noise';
import { deriveSessionSecrets, handshakePrologue } from '../../shared/pairing/sessionKeys';
import type { SignatureParts } from '../signers/signer';
import { toChecksumAddress } from '../store/address';
import { createRepositories } from '../store/repositories';
import { IDLE_EXPIRY_MS, PairedPhones } from './pairedPhones';
import { PairingKeys } from './pairingKeys';
import { PhoneConnections } from './phoneConnections';
import { PhonePairingsRepository } from './phonePairingsRepository';
import { PhoneRequests } from './phoneRequests';
import { PhoneSessions } from './phoneSessions';
import { signRequest } from './signRequest';
import { phoneEnd, quietLog, recordingLink } from '../../../test/pairing/pairingParts';

const START = 1_700_000_000_000;
const INBOX = '1'.repeat(32);
const INBOX_TTL = 7 * 24 * 60 * 60;
const REPLY_ROUTE = new Uint8Array(16).fill(5);
const REQUEST = 'c'.repeat(32);
const SIGN_REQUEST = signRequest({
  id: REQUEST,
  desktop: 'Desk',
  desktopChainId: 1,
  review: null,
  transaction: {
    type: 0,
    chainId: 1n,
    nonce: 0,
    to: null,
    value: 0n,
    data: '0x',
    gasLimit: 21_000n,
    gasPrice: 1n,
  },
});
const SIGNATURE: SignatureParts = { r: `0x${'1'.repeat(64)}`, s: `0x${'2'.repeat(64)}`, yParity: 1 };

describe('PhoneConnections', () => {
  const temp = useTempDatabase('phone-connections-');

  async function setup() {
    let clock = START;
    const now = () => clock;
    const link = recordingLink();
    const log = quietLog();
    const repositories = createRepositories(temp.db);
    const pairings = new PhonePairingsRepository(temp.db);
    const phones = new PairedPhones({ db: temp.db, repositories, pairings, now });
    const keys = new PairingKeys(memorySecrets());
    const requests = new PhoneRequests({
      now,
      deliver: (fingerprint, message) => sessions.deliver(fingerprint, message),
    });
    const sessions: PhoneSessions = new PhoneSessions({
      link: () => link,
      now,
      log,
      fromPairingPhone: () => undefined,
      fromPhone: (session, message, first) => connections.received(session, message, first),
    });
    const accountsChanged = vi.fn();
    const changed = vi.fn();
    const connections = new PhoneConnections({
      link: () => link,
      pairings,
      phones,
      keys,
      sessions,
      requests,
      log,
      accountsChanged,
      changed,
    });
    const phoneKey = generateKeyPair();
    const fingerprint = 'aaaa0000aaaa0000';
    phones.add({
      fingerprint,
      name: 'Alice’s phone',
      phoneKey: bytesToHex(phoneKey.publicKey),
      address: toChecksumAddress(`0x${'1'.repeat(40)}`),
      inbox: INBOX,
    });
    const resumePsk = new Uint8Array(32).fill(7);
    await keys.saveResumeKeys(fingerprint, resumePsk);
    return {
      connections,
      link,
      pairings,
      phones,
      keys,
      requests,
      sessions,
      repositories,
      accountsChanged,
      changed,
      fingerprint,
      phoneKey,
      resumePsk,
      advance: (ms: number) => (clock += ms),
    };
  }

  type Context = Awaited<ReturnType<typeof setup>>;

  /** The phone's side of a resume on `inbox`, as the companion runs it. */
  async function resume(context: Context, inbox: string, psk: Uint8Array) {
    const noise = new NoiseHandshake({
      role: 'initiator',
      prologue: handshakePrologue('resume', Buffer.from(inbox, 'hex')),
      staticKey: context.phoneKey,
      remoteStatic: (await context.keys.desktopKey()).publicKey,
      psk,
    });
    await context.connections.resume(Buffer.from(inbox, 'hex'), REPLY_ROUTE, noise.writeMessage());
    const reply = context.link.sent.findLast((entry) => entry.route === bytesToHex(REPLY_ROUTE));
    noise.readMessage(reply?.frame as Uint8Array);
    const result = noise.split();
    const secrets = deriveSessionSecrets(result);
    const phone = phoneEnd(secrets.route, result);
    const say = (message: Parameters<typeof phone.seal>[0]) => {
      for (const frame of phone.seal(message)) context.sessions.received(secrets.route, frame);
    };
    return { secrets, phone, say };
  }

  const sign = (context: Context) =>
    context.requests.sign(context.fingerprint, 'Alice’s phone', SIGN_REQUEST, () => undefined);

  it('reopens the inboxes of paired phones when the relay starts, and forgets a phone idle too long', async () => {
    const context = await setup();
    context.pairings.rotate(context.fingerprint, '2'.repeat(32), INBOX);
    context.connections.openInboxes();
    expect(context.link.calls).toEqual([
      ['open', '2'.repeat(32), INBOX_TTL],
      ['open', INBOX, INBOX_TTL],
    ]);
    context.advance(IDLE_EXPIRY_MS + 1);
    context.connections.openInboxes();
    expect(context.pairings.list()).toEqual([]);
    expect(context.repositories.accounts.list()).toEqual([]);
    expect(context.accountsChanged).toHaveBeenCalledOnce();
  });

  it('resumes the paired phone on fresh keys, keeping the knocked inbox until the phone uses the new one', async () => {
    const context = await setup();
    const { secrets, say } = await resume(context, INBOX, context.resumePsk);
    const next = bytesToHex(secrets.inbox);
    expect(context.pairings.get(context.fingerprint)).toMatchObject({ inbox: next, previousInbox: INBOX });
    expect(await context.keys.resumeKey(context.fingerprint, 'current')).toEqual(secrets.resumePsk);
    expect(await context.keys.resumeKey(context.fingerprint, 'previous')).toEqual(context.resumePsk);
    expect(context.link.calls).toEqual(
      expect.arrayContaining([
        ['open', next, INBOX_TTL],
        ['listen', bytesToHex(secrets.route)],
      ]),
    );
    context.advance(1000);
    say({ t: 'resume', v: 1 });
    expect(context.link.calls.at(-1)).toEqual(['close', INBOX]);
    expect(context.pairings.get(context.fingerprint)?.previousInbox).toBeNull();
    expect(context.phones.device(context.fingerprint)?.lastSeenAt).toBe(START + 1000);
    expect(context.changed).toHaveBeenCalledOnce();
  });

  it('refuses a resume from another key or junk, reopening the inbox, and ignores inboxes no phone holds', async () => {
    const context = await setup();
    const stranger = { ...context, phoneKey: generateKeyPair() };
    await expect(resume(stranger, INBOX, context.resumePsk)).rejects.toMatchObject({
      code: 'handshake_failed',
    });
    // The relay deleted the inbox at the knock: the desktop opens it again so the phone can still resume.
    expect(context.link.calls).toEqual([['open', INBOX, INBOX_TTL]]);
    await expect(
      context.connections.resume(Buffer.from(INBOX, 'hex'), REPLY_ROUTE, new Uint8Array(96)),
    ).rejects.toMatchObject({ code: 'handshake_failed' });
    expect(context.link.calls).toEqual([
      ['open', INBOX, INBOX_TTL],
      ['open', INBOX, INBOX_TTL],
    ]);
    await expect(resume(context, '9'.repeat(32), context.resumePsk)).rejects.toMatchObject({
      code: 'unknown_phone',
    });
    expect(context.link.calls).toHaveLength(2);
    expect(context.pairings.get(context.fingerprint)).toMatchObject({ inbox: INBOX, previousInbox: null });
    await expect(resume(context, INBOX, context.resumePsk)).resolves.toBeTruthy();
  });

  it('refuses a replayed message 1 without rotating again', async () => {
    const context = await setup();
    const noise = new NoiseHandshake({
      role: 'initiator',
      prologue: handshakePrologue('resume', hexToBytes(INBOX)),
      staticKey: context.phoneKey,
      remoteStatic: (await context.keys.desktopKey()).publicKey,
      psk: context.resumePsk,
    });
    const message1 = noise.writeMessage();
    await context.connections.resume(hexToBytes(INBOX), REPLY_ROUTE, message1);
    const rotated = context.pairings.get(context.fingerprint);
    const calls = context.link.calls.length;
    await expect(context.connections.resume(hexToBytes(INBOX), REPLY_ROUTE, message1)).rejects.toMatchObject({
      code: 'handshake_failed',
      message: expect.stringMatching(/replayed/),
    });
    // Nothing rotated or closed: only the knocked inbox, which the relay deleted, opens again.
    expect(context.pairings.get(context.fingerprint)).toEqual(rotated);
    expect(context.link.calls.slice(calls)).toEqual([['open', INBOX, INBOX_TTL]]);
    expect(await context.keys.resumeKey(context.fingerprint, 'current')).not.toEqual(context.resumePsk);
  });

  it('refuses a resumed session whose first message is not resume, leaving both inboxes open', async () => {
    const context = await setup();
    const { say, secrets, phone } = await resume(context, INBOX, context.resumePsk);
    const signing = sign(context);
    say({ t: 'ping' });
    expect(context.link.calls).toContainEqual(['unlisten', bytesToHex(secrets.route)]);
    expect(context.link.calls).not.toContainEqual(['close', INBOX]);
    expect(context.pairings.get(context.fingerprint)).toMatchObject({
      inbox: bytesToHex(secrets.inbox),
      previousInbox: INBOX,
    });
    expect(context.phones.device(context.fingerprint)?.lastSeenAt).toBe(START);
    // Nothing went to the phone: not the open request, not an answer to what came after.
    say({ t: 'resume', v: 1 });
    expect(phone.read(context.link.sent)).toEqual([]);
    expect(context.changed).not.toHaveBeenCalled();
    context.requests.cancel(REQUEST);
    await expect(signing).rejects.toBeTruthy();
  });

  it('hands the phone’s answers to its requests, resending what is open when it connects', async () => {
    const context = await setup();
    const { say, phone } = await resume(context, INBOX, context.resumePsk);
    const signing = sign(context);
    say({ t: 'resume', v: 1 });
    expect(phone.read(context.link.sent)).toMatchObject([{ t: 'sign', id: REQUEST }]);
    say({ t: 'signed', id: REQUEST, signature: SIGNATURE });
    await expect(signing).resolves.toEqual(SIGNATURE);
  });

  it('forgets a phone that revokes this desktop, with its inboxes, keys and open requests', async () => {
    const context = await setup();
    const { say } = await resume(context, INBOX, context.resumePsk);
    const signing = sign(context);
    say({ t: 'resume', v: 1 });
    say({ t: 'revoke' });
    await expect(signing).rejects.toMatchObject({ message: 'The phone revoked this desktop.' });
    expect(context.pairings.list()).toEqual([]);
    expect(context.repositories.accounts.list()).toEqual([]);
    await expect(context.keys.resumeKey(context.fingerprint, 'current')).rejects.toMatchObject({
      code: 'unknown_phone',
    });
    expect(context.link.calls).toEqual(expect.arrayContaining([['close', INBOX]]));
    expect(context.accountsChanged).toHaveBeenCalledOnce();
  });

  it('tells an online phone it was revoked on the desktop before forgetting it', async () => {
    const context = await setup();
    const { phone, secrets } = await resume(context, INBOX, context.resumePsk);
    context.connections.revoke(context.fingerprint);
    expect(phone.read(context.link.sent)).toEqual([{ t: 'revoke' }]);
    expect(context.link.calls).toContainEqual(['unlisten', bytesToHex(secrets.route)]);
    expect(context.pairings.list()).toEqual([]);
  });
});
