import { describe, expect, it } from 'vitest';
import { quietLog } from '../../../test/dapps/dappsHarness';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import type { DappChannel, DappRequestDetail } from '../../shared/dapps';
import { ProviderError } from './providerError';
import { RequestQueue } from './requestQueue';
import { RequestQueueRepository } from './requestQueueRepository';

const A = 'https://a.example';
const B = 'https://b.example';
const CONNECT: DappRequestDetail = { type: 'connect', chainId: 1 };
const SWITCH: DappRequestDetail = { type: 'switch-chain', chainId: 10, chainName: 'OP Mainnet' };
const session = (topic: string | null): DappChannel => ({
  kind: 'walletconnect',
  topic,
  name: 'Example',
  verification: 'validated',
});
const S1 = session('1'.repeat(64));
const S2 = session('2'.repeat(64));

describe('RequestQueue', () => {
  const temp = useTempDatabase('dapps-queue-');
  let clock = 100;
  const queue = (limits = { perSite: 3, total: 5 }) => {
    const log = quietLog();
    return {
      log,
      queue: new RequestQueue(new RequestQueueRepository(temp.db), { now: () => clock++, log, limits }),
    };
  };

  it('keeps requests oldest first, with their validated params, across a restart', () => {
    const { queue: first } = queue();
    const one = first.add(A, 'eth_requestAccounts', undefined, CONNECT);
    const two = first.add(B, 'wallet_switchEthereumChain', [{ chainId: '0xa' }], SWITCH);
    expect(one.id).toMatch(/^[0-9a-f]{32}$/);
    expect(one.params).toBeNull();
    temp.reopen();
    const { queue: again } = queue();
    expect(again.list()).toEqual([one, two]);
    expect(again.get(two.id)).toEqual(two);
  });

  it('finds the same request from the same site, as a reloaded page sends it', () => {
    const { queue: q } = queue();
    const sent = q.add(B, 'wallet_switchEthereumChain', [{ chainId: '0xa' }], SWITCH);
    expect(q.matching(B, 'wallet_switchEthereumChain', [{ chainId: '0xa' }])).toEqual(sent);
    expect(q.matching(A, 'wallet_switchEthereumChain', [{ chainId: '0xa' }])).toBeUndefined();
    expect(q.matching(B, 'wallet_switchEthereumChain', [{ chainId: '0x1' }])).toBeUndefined();
    expect(q.matching(B, 'wallet_addEthereumChain', [{ chainId: '0xa' }])).toBeUndefined();
  });

  it('bounds each site and the whole queue with -32005', () => {
    const { queue: q } = queue();
    for (let i = 0; i < 3; i++) q.add(A, 'eth_requestAccounts', [i], CONNECT);
    const full = (() => {
      try {
        q.add(A, 'eth_requestAccounts', [9], CONNECT);
      } catch (error) {
        return error;
      }
    })();
    expect(full).toBeInstanceOf(ProviderError);
    expect((full as ProviderError).code).toBe(-32005);
    q.add(B, 'eth_requestAccounts', [1], CONNECT);
    q.add(B, 'eth_requestAccounts', [2], CONNECT);
    expect(() => q.add('https://c.example', 'eth_requestAccounts', [1], CONNECT)).toThrow(
      /too many requests/,
    );
    expect(q.pending(A)).toBe(3);
  });

  it('refuses params too large to keep', () => {
    const { queue: q } = queue();
    expect(() => q.add(A, 'eth_requestAccounts', ['x'.repeat(262_144)], CONNECT)).toThrow(/too large/);
    expect(q.list()).toEqual([]);
  });

  it('removes one request, or all of a site, from memory and the store', () => {
    const { queue: q } = queue();
    const one = q.add(A, 'eth_requestAccounts', [1], CONNECT);
    q.add(A, 'eth_requestAccounts', [2], CONNECT);
    const other = q.add(B, 'eth_requestAccounts', [1], CONNECT);
    expect(q.remove(one.id)).toEqual(one);
    expect(q.remove(one.id)).toBeUndefined();
    expect(q.removeOrigin(A)).toHaveLength(1);
    expect(q.removeOrigin(A)).toEqual([]);
    temp.reopen();
    expect(queue().queue.list()).toEqual([other]);
  });

  it('drops a stored row it cannot read, and says so without its content', () => {
    temp.db
      .prepare('INSERT INTO dapp_requests (id, origin, method, params, received_at) VALUES (?, ?, ?, ?, ?)')
      .run('c'.repeat(32), A, 'personal_sign', JSON.stringify({ params: [], detail: { type: 'bogus' } }), 1);
    const { queue: q, log } = queue();
    expect(q.list()).toEqual([]);
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/dropped/), { method: 'personal_sign' });
    expect(temp.db.prepare('SELECT count(*) AS n FROM dapp_requests').get()).toEqual({ n: 0 });
  });

  describe('through WalletConnect', () => {
    it('keeps how each request came across a restart; the extension’s rows keep a null channel', () => {
      const { queue: first } = queue();
      const wc = first.add(A, 'personal_sign', ['0x68'], CONNECT, S1);
      const extension = first.add(A, 'personal_sign', ['0x68'], CONNECT);
      expect(extension.via).toEqual({ kind: 'extension' });
      temp.reopen();
      expect(queue().queue.list()).toEqual([wc, extension]);
      const stored = temp.db.prepare('SELECT via FROM dapp_requests ORDER BY rowid').all();
      expect(stored).toEqual([{ via: JSON.stringify(S1) }, { via: null }]);
    });

    it('joins a re-sent request only within the same session', () => {
      const { queue: q } = queue();
      const sent = q.add(A, 'personal_sign', ['0x68'], CONNECT, S1);
      expect(q.matching(A, 'personal_sign', ['0x68'], S1)).toEqual(sent);
      expect(q.matching(A, 'personal_sign', ['0x68'], S2)).toBeUndefined();
      expect(q.matching(A, 'personal_sign', ['0x68'])).toBeUndefined();
    });

    it('counts and bounds each session apart from the extension’s site of the same origin', () => {
      const { queue: q } = queue({ perSite: 2, total: 10 });
      q.add(A, 'personal_sign', [1], CONNECT, S1);
      q.add(A, 'personal_sign', [2], CONNECT, S1);
      expect(() => q.add(A, 'personal_sign', [3], CONNECT, S1)).toThrow(/already has 2 requests/);
      q.add(A, 'personal_sign', [3], CONNECT, S2);
      q.add(A, 'personal_sign', [3], CONNECT);
      q.add(A, 'wc_sessionPropose', null, CONNECT, session(null));
      expect(q.pendingForSession('1'.repeat(64))).toBe(2);
      expect(q.pending(A)).toBe(1);
    });

    it('a session’s end removes its requests only; revoking the extension’s site leaves sessions’', () => {
      const { queue: q } = queue();
      const one = q.add(A, 'personal_sign', [1], CONNECT, S1);
      const two = q.add(A, 'personal_sign', [2], CONNECT, S2);
      const extension = q.add(A, 'personal_sign', [3], CONNECT);
      expect(q.removeOrigin(A)).toEqual([extension]);
      expect(q.removeSession('1'.repeat(64))).toEqual([one]);
      temp.reopen();
      expect(queue().queue.list()).toEqual([two]);
    });

    it('drops a row whose channel it cannot read', () => {
      temp.db
        .prepare(
          'INSERT INTO dapp_requests (id, origin, method, params, via, received_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          'd'.repeat(32),
          A,
          'personal_sign',
          JSON.stringify({ params: [], detail: CONNECT }),
          '{"kind":"x"}',
          1,
        );
      const { queue: q, log } = queue();
      expect(q.list()).toEqual([]);
      expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/dropped/), { method: 'personal_sign' });
    });
  });
});
