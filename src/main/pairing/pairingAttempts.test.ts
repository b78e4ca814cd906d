import { createHash } from 'node:crypto';
import { bytesToHex } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memorySecrets } from '../../../test/vault/memorySecrets';
import { INVITE_LIFETIME_MS, parseInviteUrl } from '../../shared/pairing/invite';
import { generateKeyPair, NoiseHandshake } from '../../shared/pairing/noise';
import {
  deriveSessionSecrets,
  handshakePrologue,
  shortAuthenticationString,
} from '../../shared/pairing/sessionKeys';
import { toChecksumAddress } from '../store/address';
import type { NewPhone } from './pairedPhones';
import { HELLO_WINDOW_MS, PairingAttempts } from './pairingAttempts';
import { PairingKeys } from './pairingKeys';
import { PhoneSessions, type PhoneSession } from './phoneSessions';
import { phoneEnd, quietLog, recordingLink, type PhoneEnd } from '../../../test/pairing/pairingParts';

const RELAY = { url: 'http://127.0.0.1:8787/', wsUrl: 'ws://127.0.0.1:8787/relay' };
const ADDRESS = toChecksumAddress(`0x${'1'.repeat(40)}`);
const REPLY_ROUTE = new Uint8Array(16).fill(5);
const START = 1_700_000_000_000;

function setup() {
  const link = recordingLink();
  const log = quietLog();
  const vault = memorySecrets();
  const keys = new PairingKeys(vault);
  const changed = vi.fn();
  const store = vi.fn<(phone: NewPhone) => void>();
  const paired = vi.fn(async (_session: PhoneSession, _inbox: Uint8Array) => undefined);
  const sessions: PhoneSessions = new PhoneSessions({
    link: () => link,
    now: () => START,
    log,
    fromPairingPhone: (session, message) => attempts.received(session, message),
    fromPhone: () => undefined,
  });
  const attempts = new PairingAttempts({
    link: () => link,
    keys,
    sessions,
    store,
    paired,
    desktopName: 'Desk',
    now: () => START,
    log,
    changed,
  });
  return { attempts, sessions, link, log, keys, vault, changed, store, paired };
}

type Setup = ReturnType<typeof setup>;

/** Shows a QR code and runs the phone's side of the handshake against it, as the companion does. */
async function scan({ attempts, sessions, link }: Setup) {
  await attempts.start(RELAY, link);
  const attempt = attempts.view() as NonNullable<ReturnType<PairingAttempts['view']>>;
  const invite = parseInviteUrl(attempt.url, START);
  const phoneKey = generateKeyPair();
  const noise = new NoiseHandshake({
    role: 'initiator',
    prologue: handshakePrologue('pair', invite.rendezvous),
    staticKey: phoneKey,
    remoteStatic: invite.desktopKey,
    psk: invite.psk,
  });
  const answered = await attempts.handshake(invite.rendezvous, REPLY_ROUTE, noise.writeMessage());
  const reply = link.sent.findLast((entry) => entry.route === bytesToHex(REPLY_ROUTE));
  noise.readMessage(reply?.frame as Uint8Array);
  const result = noise.split();
  const secrets = deriveSessionSecrets(result);
  const phone: PhoneEnd = phoneEnd(secrets.route, result);
  const say = (message: Parameters<PhoneEnd['seal']>[0]) => {
    for (const frame of phone.seal(message)) sessions.received(secrets.route, frame);
  };
  return {
    id: attempt.id,
    invite,
    answered,
    secrets,
    phone,
    say,
    code: shortAuthenticationString(result),
    fingerprint: createHash('sha256').update(phoneKey.publicKey).digest('hex').slice(0, 16),
    phoneKey: bytesToHex(phoneKey.publicKey),
  };
}

const hello = { t: 'hello', v: 1, phone: { name: 'Alice’s phone', address: ADDRESS } } as const;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('PairingAttempts', () => {
  it('shows a QR code for the relay, open on it for the invite’s lifetime, then expires it', async () => {
    vi.useFakeTimers();
    const context = setup();
    const { attempts, link, changed } = context;
    await attempts.start(RELAY, link);
    const attempt = attempts.view();
    expect(attempt).toMatchObject({ state: 'waiting', code: null, expiresAt: START + INVITE_LIFETIME_MS });
    const invite = parseInviteUrl(attempt?.url as string, START);
    expect(invite.relay).toBe(RELAY.wsUrl);
    expect(invite.desktopKey).toEqual((await context.keys.desktopKey()).publicKey);
    expect(link.calls).toEqual([['open', bytesToHex(invite.rendezvous), INVITE_LIFETIME_MS / 1000]]);
    vi.advanceTimersByTime(INVITE_LIFETIME_MS);
    expect(attempts.view()).toMatchObject({ state: 'expired', error: expect.stringMatching(/expired/) });
    expect(link.calls.at(-1)).toEqual(['close', bytesToHex(invite.rendezvous)]);
    expect(changed).toHaveBeenCalled();
  });

  it('pairs a phone once both sides confirmed the same code', async () => {
    const context = setup();
    const { attempts, store, paired, keys } = context;
    const phone = await scan(context);
    expect(phone.answered).toBe(true);
    // The knock spends the code at once, but shows nothing of the phone: it proves it saw the QR code with
    // its first sealed message.
    expect(attempts.view()).toMatchObject({ state: 'used', code: null, phoneName: null });
    expect(context.changed).toHaveBeenCalled();
    phone.say(hello);
    expect(attempts.view()).toMatchObject({
      state: 'confirming',
      code: phone.code,
      phoneName: 'Alice’s phone',
    });
    await attempts.confirm(phone.id, true);
    expect(attempts.view()).toMatchObject({ state: 'confirming', desktopConfirmed: true });
    expect(store).not.toHaveBeenCalled();

    phone.say({ t: 'confirm', sas: phone.code });
    await settle();
    expect(store).toHaveBeenCalledWith({
      fingerprint: phone.fingerprint,
      name: 'Alice’s phone',
      phoneKey: phone.phoneKey,
      address: ADDRESS,
      inbox: bytesToHex(phone.secrets.inbox),
    });
    expect(await keys.resumeKey(phone.fingerprint, 'current')).toEqual(phone.secrets.resumePsk);
    expect(phone.phone.read(context.link.sent)).toEqual([{ t: 'paired', desktop: { name: 'Desk' } }]);
    const [session, inbox] = paired.mock.calls[0] ?? [];
    expect(session).toMatchObject({ fingerprint: phone.fingerprint, lastFrameAt: START });
    expect(inbox).toEqual(phone.secrets.inbox);
    expect(attempts.view()).toMatchObject({ state: 'paired', phoneConfirmed: true, code: phone.code });
  });

  it('pairs nothing when the phone confirms another code, and tells the phone', async () => {
    const context = setup();
    const phone = await scan(context);
    phone.say(hello);
    const wrong = String((Number(phone.code) + 1) % 1_000_000).padStart(6, '0');
    phone.say({ t: 'confirm', sas: wrong });
    expect(context.attempts.view()).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/someone may be interfering/),
    });
    expect(phone.phone.read(context.link.sent)).toMatchObject([{ t: 'abort' }]);
    expect(context.link.calls).toContainEqual(['unlisten', bytesToHex(phone.secrets.route)]);
    await expect(context.attempts.confirm(phone.id, true)).rejects.toMatchObject({ code: 'invalid_state' });
    expect(context.store).not.toHaveBeenCalled();
  });

  it('pairs nothing when the user says the codes differ, or the phone does', async () => {
    const context = setup();
    const first = await scan(context);
    first.say(hello);
    await context.attempts.confirm(first.id, false);
    expect(context.attempts.view()).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/differ/),
    });
    expect(first.phone.read(context.link.sent)).toMatchObject([{ t: 'abort' }]);

    const second = await scan(context);
    second.say(hello);
    second.say({ t: 'abort', reason: 'codes differ' });
    expect(context.attempts.view()).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/phone said/),
    });
    expect(second.phone.read(context.link.sent)).toEqual([]);
  });

  it('fails and forgets the resume key when the store refuses the phone', async () => {
    const context = setup();
    context.store.mockImplementation(() => {
      throw new Error('disk full');
    });
    const phone = await scan(context);
    phone.say(hello);
    phone.say({ t: 'confirm', sas: phone.code });
    await context.attempts.confirm(phone.id, true);
    expect(context.attempts.view()).toMatchObject({
      state: 'failed',
      error: 'The phone could not be stored: disk full',
    });
    await expect(context.keys.resumeKey(phone.fingerprint, 'current')).rejects.toMatchObject({
      code: 'unknown_phone',
    });
    expect(context.paired).not.toHaveBeenCalled();
  });

  it('answers only knocks on the QR code still waiting, and fails it only while it is shown', async () => {
    const context = setup();
    const { attempts } = context;
    expect(await attempts.handshake(new Uint8Array(16), REPLY_ROUTE, new Uint8Array(48))).toBe(false);
    const phone = await scan(context);
    expect(attempts.shownWith(phone.invite.rendezvous)).toBe(phone.id);
    expect(attempts.shownWith(new Uint8Array(16))).toBeNull();
    phone.say(hello);
    // Once a phone said hello, another knock on the same QR code is not a pairing.
    expect(await attempts.handshake(phone.invite.rendezvous, REPLY_ROUTE, new Uint8Array(48))).toBe(false);

    attempts.handshakeFailed('an older attempt', 'bad');
    expect(attempts.view()?.state).toBe('confirming');
    attempts.handshakeFailed(phone.id, 'bad MAC.');
    expect(attempts.view()).toMatchObject({
      state: 'failed',
      error: 'A phone tried to pair but the handshake failed: bad MAC. Show a new QR code.',
    });
  });

  it('refuses a message 1 that carries a payload, though Noise could read it', async () => {
    const context = setup();
    await context.attempts.start(RELAY, context.link);
    const invite = parseInviteUrl(context.attempts.view()?.url as string, START);
    const noise = new NoiseHandshake({
      role: 'initiator',
      prologue: handshakePrologue('pair', invite.rendezvous),
      staticKey: generateKeyPair(),
      remoteStatic: invite.desktopKey,
      psk: invite.psk,
    });
    const message1 = noise.writeMessage(new TextEncoder().encode('hello'));
    await expect(context.attempts.handshake(invite.rendezvous, REPLY_ROUTE, message1)).rejects.toMatchObject({
      code: 'handshake_failed',
      message: expect.stringMatching(/101 bytes, not 96/),
    });
    expect(context.link.sent).toEqual([]);
    expect(context.attempts.view()?.state).toBe('waiting');
  });

  it('cancels the attempt shown, closing its routes, and refuses ids not shown', async () => {
    const context = setup();
    const { attempts, link } = context;
    expect(() => attempts.cancel('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
    const phone = await scan(context);
    phone.say(hello);
    attempts.cancel(phone.id);
    expect(attempts.view()).toBeNull();
    expect(phone.phone.read(link.sent)).toMatchObject([
      { t: 'abort', reason: expect.stringMatching(/cancelled/) },
    ]);
    expect(link.calls).toContainEqual(['close', bytesToHex(phone.invite.rendezvous)]);
    await expect(attempts.confirm(phone.id, true)).rejects.toMatchObject({ code: 'not_found' });
  });

  it.each([{ t: 'ping' } as const, { t: 'confirm', sas: '000000' } as const, { t: 'resume', v: 1 } as const])(
    'fails the attempt when the phone opens with $t instead of hello, telling it nothing',
    async (first) => {
      const context = setup();
      const phone = await scan(context);
      phone.say(first);
      phone.say(hello);
      expect(context.attempts.view()).toMatchObject({
        state: 'failed',
        code: null,
        phoneName: null,
        error: expect.stringMatching(new RegExp(`opened with '${first.t}' instead of hello`)),
      });
      expect(phone.phone.read(context.link.sent)).toEqual([]);
      expect(context.link.calls).toContainEqual(['unlisten', bytesToHex(phone.secrets.route)]);
      expect(context.store).not.toHaveBeenCalled();
    },
  );

  it('fails a used code whose phone never says hello, after the hello window', async () => {
    vi.useFakeTimers();
    const context = setup();
    const phone = await scan(context);
    vi.advanceTimersByTime(HELLO_WINDOW_MS - 1);
    expect(context.attempts.view()?.state).toBe('used');
    vi.advanceTimersByTime(1);
    expect(context.attempts.view()).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/was used, but no phone finished pairing/),
    });
    expect(context.link.calls).toContainEqual(['unlisten', bytesToHex(phone.secrets.route)]);
    // A hello after that is too late.
    phone.say(hello);
    expect(context.attempts.view()?.state).toBe('failed');
  });

  it('ignores a pairing phone’s message out of turn after hello, with a log line', async () => {
    const context = setup();
    const phone = await scan(context);
    phone.say(hello);
    phone.say({ t: 'ping' });
    phone.say(hello);
    expect(context.attempts.view()?.state).toBe('confirming');
    expect(context.log.warn).toHaveBeenCalledWith('a pairing phone sent a message out of turn', {
      type: 'ping',
    });
  });
});
