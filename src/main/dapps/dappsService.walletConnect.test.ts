import { describe, expect, it } from 'vitest';
import { ACCOUNTS, SITE, dappsHarness, first, sessionGrant } from '../../../test/dapps/dappsHarness';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import type { SessionProposal } from './dappGateway';
import { ProviderError } from './providerError';

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof ProviderError ? error.code : error),
  );
const MAIN = first(ACCOUNTS).address.toLowerCase();
const TOPIC = 'c'.repeat(64);

function proposal(overrides: Partial<SessionProposal> = {}): SessionProposal {
  return {
    origin: SITE,
    name: 'Example dApp',
    description: 'Swaps',
    url: `${SITE}/swap`,
    verification: 'validated',
    requiredChainIds: [1],
    optionalChainIds: [10, 137, 999],
    methods: ['eth_sendTransaction', 'personal_sign'],
    ...overrides,
  };
}

describe('DappsService through WalletConnect', () => {
  const temp = useTempDatabase('dapps-walletconnect-');
  const sitesRows = () => temp.db.prepare('SELECT count(*) AS n FROM dapp_sites').get();

  describe('a session proposal', () => {
    it('waits in the queue with what Verify said, and resolves with what the user granted', async () => {
      const h = dappsHarness(temp.db);
      const granted = h.service.propose(proposal());
      const request = first(h.service.requests());
      expect(request).toMatchObject({
        origin: SITE,
        method: 'wc_sessionPropose',
        via: { kind: 'walletconnect', topic: null, name: 'Example dApp', verification: 'validated' },
        detail: { type: 'session', requiredChainIds: [1], optionalChainIds: [10, 137, 999] },
      });
      expect(request.siteFindings[0]?.message).toContain('through WalletConnect');
      await h.service.approve({ id: request.id, accountIds: [1, 1], chainIds: [1, 137] });
      expect(await granted).toEqual({ accountIds: [1], chainIds: [1, 137] });
      // Polygon was known but off: granting it turns it on, as approving a switch does.
      expect(h.wallet.enableChain).toHaveBeenCalledWith(137);
      expect(h.service.requests()).toEqual([]);
      expect(sitesRows()).toEqual({ n: 0 });
    });

    it('refuses an approval without the required chains, with other chains, or with unknown ones', async () => {
      const h = dappsHarness(temp.db);
      void h.service.propose(proposal());
      const { id } = first(h.service.requests());
      const approve = (fields: { accountIds?: number[]; chainIds?: number[] }) =>
        h.service.approve({ id, ...fields }).then(
          () => 'approved',
          (error: Error) => error.message,
        );
      expect(await approve({ accountIds: [1] })).toMatch(/Choose the chains/);
      expect(await approve({ chainIds: [1] })).toMatch(/Choose at least one account/);
      expect(await approve({ accountIds: [1], chainIds: [10] })).toMatch(/requires chain 1;/);
      expect(await approve({ accountIds: [1], chainIds: [1, 42161] })).toMatch(/did not ask for chain 42161/);
      expect(await approve({ accountIds: [1], chainIds: [1, 999] })).toMatch(/no network with chain id 999/);
      expect(await approve({ accountIds: [9], chainIds: [1] })).toMatch(/no longer in the wallet/);
      expect(h.service.requests()).toHaveLength(1);
    });

    it('a rejection reaches the WalletConnect module as 4001', async () => {
      const h = dappsHarness(temp.db);
      const granted = code(h.service.propose(proposal()));
      h.service.reject(first(h.service.requests()).id);
      expect(await granted).toBe(4001);
    });

    it('two proposals from one dApp are never joined: each pairing gets its own answer', () => {
      const h = dappsHarness(temp.db);
      void h.service.propose(proposal());
      void h.service.propose(proposal());
      expect(h.service.requests()).toHaveLength(2);
    });

    it('is refused when the dApp claims no origin the wallet serves, or sends too much', async () => {
      const h = dappsHarness(temp.db);
      await expect(h.service.propose(proposal({ origin: 'javascript:alert(1)' }))).rejects.toMatchObject({
        code: -32600,
      });
      await expect(h.service.propose(proposal({ name: 'x'.repeat(81) }))).rejects.toMatchObject({
        code: -32602,
        message: expect.stringContaining('name'),
      });
      expect(h.service.requests()).toEqual([]);
    });

    it('from a dApp Verify lists as a threat, approves only when the user says to go on anyway', async () => {
      const h = dappsHarness(temp.db);
      const granted = h.service.propose(proposal({ verification: 'threat' }));
      const request = first(h.service.requests());
      expect(request.siteFindings.map((f) => f.code)).toContain('dapp-known-threat');
      await expect(h.service.approve({ id: request.id, accountIds: [1], chainIds: [1] })).rejects.toThrow(
        /blocks approval/,
      );
      await h.service.approve({ id: request.id, accountIds: [1], chainIds: [1], allowRevert: true });
      expect(await granted).toEqual({ accountIds: [1], chainIds: [1] });
    });

    it('a "go on anyway" fits only a request that something blocks', async () => {
      const h = dappsHarness(temp.db);
      void h.service.propose(proposal());
      const { id } = first(h.service.requests());
      await expect(
        h.service.approve({ id, accountIds: [1], chainIds: [1], allowRevert: true }),
      ).rejects.toThrow(/only to a request to sign/);
    });
  });

  describe('a session’s requests', () => {
    const grant = sessionGrant({ topic: TOPIC, accountIds: [1], chainIds: [1, 10], chainId: 10 });

    it('see the granted accounts and the request’s chain, and never touch the extension’s sites', async () => {
      const h = dappsHarness(temp.db);
      expect(await h.callSession(grant, 'eth_accounts')).toEqual([MAIN]);
      expect(await h.callSession(grant, 'eth_requestAccounts')).toEqual([MAIN]);
      expect(await h.callSession(grant, 'eth_chainId')).toBe('0xa');
      expect(await h.callSession(grant, 'wallet_switchEthereumChain', [{ chainId: '0x1' }])).toBeNull();
      expect(await code(h.callSession(grant, 'wallet_switchEthereumChain', [{ chainId: '0x89' }]))).toBe(
        4902,
      );
      expect(await code(h.callSession(grant, 'wallet_requestPermissions', [{ eth_accounts: {} }]))).toBe(
        4200,
      );
      expect(await code(h.callSession(grant, 'wallet_getPermissions'))).toBe(4200);
      // The extension's site of the same origin is not connected by any of it.
      expect(await h.call('eth_accounts')).toEqual([]);
      expect(sitesRows()).toEqual({ n: 0 });
      expect(h.emitted.map((e) => e.name)).not.toContain('dapps.requestsChanged');
    });

    it('wait in the queue under their session, and the approval answers the dApp', async () => {
      const h = dappsHarness(temp.db);
      const answer = h.callSession(grant, 'personal_sign', ['0x68', MAIN]);
      const again = h.callSession(grant, 'personal_sign', ['0x68', MAIN]);
      const fromExtension = code(h.call('personal_sign', ['0x68', MAIN]));
      await h.tick();
      expect(await fromExtension).toBe(4100);
      expect(h.signing.parse).toHaveBeenCalledWith('personal_sign', ['0x68', MAIN], {
        origin: SITE,
        accountIds: [1],
        chainId: 10,
        connectedAt: 0,
        lastUsedAt: 0,
      });
      const request = first(h.service.requests());
      expect(h.service.requests()).toHaveLength(1);
      expect(request.via).toEqual({
        kind: 'walletconnect',
        topic: TOPIC,
        name: 'Example dApp',
        verification: 'validated',
      });
      expect(h.queue.pendingForSession(TOPIC)).toBe(1);
      await h.service.approve({ id: request.id });
      expect(await answer).toBe(`0x${'ab'.repeat(65)}`);
      expect(await again).toBe(`0x${'ab'.repeat(65)}`);
    });

    it('end with 4900 when their session ends, leaving other sessions’ and the extension’s', async () => {
      const h = dappsHarness(temp.db);
      const other = sessionGrant({ topic: 'd'.repeat(64) });
      const ended = code(h.callSession(grant, 'personal_sign', ['0x68', MAIN]));
      void h.callSession(other, 'personal_sign', ['0x68', MAIN]);
      await h.tick();
      h.service.sessionEnded(TOPIC);
      expect(await ended).toBe(4900);
      expect(h.service.requests().map((r) => r.via)).toEqual([
        expect.objectContaining({ topic: 'd'.repeat(64) }),
      ]);
      // Revoking the extension's site of the same origin leaves the session's request waiting.
      h.service.revoke(SITE);
      h.service.revokeAll();
      expect(h.service.requests()).toHaveLength(1);
    });
  });
});
