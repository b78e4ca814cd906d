import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it, vi } from 'vitest';
import type { PhoneMessage } from '../../shared/pairing/messages';
import { PhoneSessions, type PhoneSession } from './phoneSessions';
import { quietLog, recordingLink, sessionPair } from '../../../test/pairing/pairingParts';

const PHONE = 'aaaa0000aaaa0000';
const REQUEST = 'c'.repeat(32);

function setup() {
  let clock = 1_000_000;
  let link: ReturnType<typeof recordingLink> | null = recordingLink();
  const log = quietLog();
  const fromPairingPhone = vi.fn<(session: PhoneSession, message: PhoneMessage) => void>();
  const fromPhone = vi.fn<(session: PhoneSession, message: PhoneMessage, first: boolean) => void>();
  const sessions = new PhoneSessions({
    link: () => link,
    now: () => clock,
    log,
    fromPairingPhone,
    fromPhone,
  });
  return {
    sessions,
    log,
    fromPairingPhone,
    fromPhone,
    link: () => link as ReturnType<typeof recordingLink>,
    unplug: () => (link = null),
    advance: (ms: number) => (clock += ms),
  };
}

describe('PhoneSessions', () => {
  it('listens on a new session’s route and hands what opens to the attempt or the paired phone', () => {
    const { sessions, link, fromPairingPhone, fromPhone } = setup();
    const pairing = sessionPair(1);
    const attemptSession = sessions.open(null, pairing.secrets, pairing.keys);
    const paired = sessionPair(2);
    const phoneSession = sessions.open(PHONE, paired.secrets, paired.keys);
    expect(link().calls).toEqual([
      ['listen', bytesToHex(pairing.secrets.route)],
      ['listen', bytesToHex(paired.secrets.route)],
    ]);

    for (const frame of pairing.phone.seal({ t: 'abort', reason: 'no' }))
      sessions.received(pairing.secrets.route, frame);
    expect(fromPairingPhone).toHaveBeenCalledWith(attemptSession, { t: 'abort', reason: 'no' });

    for (const round of [1, 2]) {
      for (const frame of paired.phone.seal({ t: 'ping' })) sessions.received(paired.secrets.route, frame);
      expect(fromPhone).toHaveBeenLastCalledWith(phoneSession, { t: 'ping' }, round === 1);
    }
  });

  it('drops a frame that does not open, with a log line, and goes on', () => {
    const { sessions, log, fromPhone } = setup();
    const paired = sessionPair(2);
    sessions.open(PHONE, paired.secrets, paired.keys);
    const [frame] = paired.phone.seal({ t: 'ping' });
    const tampered = (frame as Uint8Array).slice();
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] as number) ^ 1;
    sessions.received(paired.secrets.route, tampered);
    sessions.received(new Uint8Array(16).fill(9), frame as Uint8Array);
    expect(log.warn).toHaveBeenCalledWith('a phone frame was refused', { code: 'tampered_frame' });
    expect(fromPhone).not.toHaveBeenCalled();
    sessions.received(paired.secrets.route, frame as Uint8Array);
    expect(fromPhone).toHaveBeenCalledTimes(1);
  });

  it('counts a phone online for 45 s after its last frame, and delivers requests only then', () => {
    const { sessions, link, advance } = setup();
    const paired = sessionPair(2);
    sessions.open(PHONE, paired.secrets, paired.keys);
    const request = { t: 'cancel', id: REQUEST } as const;
    expect(sessions.online(PHONE)).toBe(false);
    for (const frame of paired.phone.seal({ t: 'ping' })) sessions.received(paired.secrets.route, frame);
    expect(sessions.online(PHONE)).toBe(true);
    sessions.sendToPhone(PHONE, request);
    expect(paired.phone.read(link().sent)).toEqual([request]);
    advance(45_000);
    expect(sessions.online(PHONE)).toBe(false);
    expect(sessions.online('bbbb0000bbbb0000')).toBe(false);
  });

  it('sends to paired phones only, never to a pairing attempt’s session', () => {
    const { sessions, link } = setup();
    const pairing = sessionPair(1);
    sessions.open(null, pairing.secrets, pairing.keys);
    const paired = sessionPair(2);
    sessions.open(PHONE, paired.secrets, paired.keys);
    sessions.sendToPairedPhones({ t: 'cancel', id: REQUEST });
    expect(link().sent.map((entry) => entry.route)).toEqual([bytesToHex(paired.secrets.route)]);
  });

  it('seals nothing while the relay is down', () => {
    const { sessions, unplug, link } = setup();
    const paired = sessionPair(2);
    sessions.open(PHONE, paired.secrets, paired.keys);
    const sent = link().sent;
    unplug();
    sessions.sendToPhone(PHONE, { t: 'revoke' });
    expect(sent).toEqual([]);
  });

  it('ends a phone’s sessions with their sync, and stops listening on their routes', () => {
    const { sessions, link, fromPhone } = setup();
    const paired = sessionPair(2);
    const session = sessions.open(PHONE, paired.secrets, paired.keys);
    const detachSync = vi.fn();
    session.detachSync = detachSync;
    sessions.endPhone(PHONE);
    expect(detachSync).toHaveBeenCalledOnce();
    expect(link().calls.at(-1)).toEqual(['unlisten', bytesToHex(paired.secrets.route)]);
    for (const frame of paired.phone.seal({ t: 'ping' })) sessions.received(paired.secrets.route, frame);
    expect(fromPhone).not.toHaveBeenCalled();
  });

  it('drops a replaced session without touching its route', () => {
    const { sessions, link, fromPhone } = setup();
    const paired = sessionPair(2);
    sessions.open(PHONE, paired.secrets, paired.keys);
    const calls = link().calls.length;
    sessions.dropPhone(PHONE);
    for (const frame of paired.phone.seal({ t: 'ping' })) sessions.received(paired.secrets.route, frame);
    expect(fromPhone).not.toHaveBeenCalled();
    expect(link().calls).toHaveLength(calls);
  });
});
