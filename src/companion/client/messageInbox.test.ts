import { describe, expect, it } from 'vitest';
import type { DesktopMessage } from '../../shared/pairing/messages';
import { PairingError } from '../../shared/pairing/pairingError';
import { MessageInbox } from './messageInbox';

const CANCEL: DesktopMessage = { t: 'cancel', id: '00112233445566778899aabbccddeeff' };
const REVOKE: DesktopMessage = { t: 'revoke' };

describe('MessageInbox', () => {
  it('hands a queued message to the next reader, and the rest to drain, in order', async () => {
    const inbox = new MessageInbox();
    inbox.push(CANCEL);
    inbox.push(REVOKE);
    inbox.push(CANCEL);
    await expect(inbox.next(1_000, 'late')).resolves.toEqual(CANCEL);
    expect(inbox.drain()).toEqual([REVOKE, CANCEL]);
    expect(inbox.drain()).toEqual([]);
  });

  it('gives a message that arrives later to the reader waiting for it', async () => {
    const inbox = new MessageInbox();
    const next = inbox.next(1_000, 'late');
    inbox.push(REVOKE);
    await expect(next).resolves.toEqual(REVOKE);
    expect(inbox.drain()).toEqual([]);
  });

  it('gives up with the caller’s words when nothing arrives in time', async () => {
    const inbox = new MessageInbox();
    const next = inbox.next(5, 'The desktop did not confirm the code in time.');
    await expect(next).rejects.toThrow(PairingError);
    await expect(next).rejects.toThrow('The desktop did not confirm the code in time.');
    inbox.push(CANCEL);
    expect(inbox.drain()).toEqual([CANCEL]);
  });

  it('forgets everything once disposed', () => {
    const inbox = new MessageInbox();
    void inbox.next(1_000, 'late').catch(() => undefined);
    inbox.dispose();
    inbox.push(CANCEL);
    inbox.dispose();
    expect(inbox.drain()).toEqual([]);
  });
});
