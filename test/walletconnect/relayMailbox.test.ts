import { describe, expect, it } from 'vitest';
import { type HeldMessage, RelayMailbox } from './relayMailbox';

const A = 'aa'.repeat(32);
const B = 'bb'.repeat(32);

function held(topic: string, message: string, expiresAt = 1000): HeldMessage {
  return { topic, message, publishedAt: 0, tag: 1, from: 'dapp', expiresAt };
}

describe('RelayMailbox', () => {
  it('keeps messages per topic until taken', () => {
    const mailbox = new RelayMailbox({ messagesPerTopic: 10, topics: 10 }, () => 0);
    mailbox.hold(held(A, 'one'));
    mailbox.hold(held(A, 'two'));
    mailbox.hold(held(A, 'two'));
    mailbox.take(A, 'one');
    expect(mailbox.peek(A).map((m) => m.message)).toEqual(['two']);
    expect(mailbox.peek(B)).toEqual([]);
  });

  it('forgets a message once its ttl has run out', () => {
    let now = 0;
    const mailbox = new RelayMailbox({ messagesPerTopic: 10, topics: 10 }, () => now);
    mailbox.hold(held(A, 'short', 100));
    now = 100;
    expect(mailbox.peek(A)).toEqual([]);
  });

  it('drops the oldest message of a full topic and the oldest topic when there are too many', () => {
    const mailbox = new RelayMailbox({ messagesPerTopic: 2, topics: 1 }, () => 0);
    for (const message of ['1', '2', '3']) mailbox.hold(held(A, message));
    expect(mailbox.peek(A).map((m) => m.message)).toEqual(['2', '3']);
    mailbox.hold(held(B, 'b'));
    expect(mailbox.peek(A)).toEqual([]);
    expect(mailbox.peek(B).map((m) => m.message)).toEqual(['b']);
  });
});
