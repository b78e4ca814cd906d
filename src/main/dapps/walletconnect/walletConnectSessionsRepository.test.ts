import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../../test/store/tempDatabase';
import { createRepositories } from '../../store/repositories';
import { WalletConnectSessionsRepository } from './walletConnectSessionsRepository';

const row = (topic: string, connectedAt: number) => ({
  topic,
  origin: 'https://app.example.org',
  name: 'Swap',
  verification: 'validated' as const,
  connectedAt,
  lastUsedAt: connectedAt,
});

describe('WalletConnectSessionsRepository', () => {
  const temp = useTempDatabase('walletconnect-sessions-');

  it('adds, lists in approval order, records use and removes', () => {
    createRepositories(temp.db);
    const sessions = new WalletConnectSessionsRepository(temp.db);
    sessions.add(row('b'.repeat(64), 20));
    sessions.add(row('a'.repeat(64), 10));
    expect(sessions.list().map((session) => session.topic)).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    sessions.used('a'.repeat(64), 99);
    expect(sessions.get('a'.repeat(64))).toEqual({ ...row('a'.repeat(64), 10), lastUsedAt: 99 });
    expect(sessions.remove('a'.repeat(64))).toBe(true);
    expect(sessions.remove('a'.repeat(64))).toBe(false);
    expect(sessions.get('a'.repeat(64))).toBeUndefined();
  });

  it('refuses a row the table cannot hold', () => {
    createRepositories(temp.db);
    const sessions = new WalletConnectSessionsRepository(temp.db);
    expect(() => sessions.add(row('not-a-topic', 1))).toThrow();
    expect(() => sessions.add({ ...row('c'.repeat(64), 1), verification: 'trusted' as never })).toThrow();
  });
});
