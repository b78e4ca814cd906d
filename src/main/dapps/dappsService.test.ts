import { describe, expect, it } from 'vitest';
import { ACCOUNTS, OTHER, SITE, connectSite, dappsHarness, first } from '../../../test/dapps/dappsHarness';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { ProviderError } from './providerError';

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof ProviderError ? error.code : error),
  );
const MAIN = first(ACCOUNTS).address.toLowerCase();
const SAVINGS = ACCOUNTS[1]?.address ?? ''.toLowerCase();

describe('DappsService', () => {
  const temp = useTempDatabase('dapps-service-');

  describe('connecting', () => {
    it('an unconnected site sees no accounts and the wallet chain, and may not read or sign', async () => {
      const h = dappsHarness(temp.db);
      expect(await h.call('eth_accounts')).toEqual([]);
      expect(await h.call('eth_chainId')).toBe('0x1');
      expect(await h.call('net_version')).toBe('1');
      expect(await h.call('wallet_getPermissions')).toEqual([]);
      expect(await code(h.call('eth_blockNumber'))).toBe(4100);
      expect(await code(h.call('personal_sign', ['0x68', MAIN]))).toBe(4100);
      expect(await code(h.call('wallet_getCapabilities', [MAIN]))).toBe(4100);
      expect(h.signing.parse).not.toHaveBeenCalled();
    });

    it('queues a connect; approval answers the addresses and tells the page', async () => {
      const h = dappsHarness(temp.db);
      const answer = h.call('eth_requestAccounts');
      await h.tick();
      const request = first(h.service.requests());
      expect(request).toMatchObject({
        origin: SITE,
        method: 'eth_requestAccounts',
        detail: { type: 'connect', chainId: 1 },
      });
      expect(request.siteFindings[0]?.code).toBe('site-origin');
      await h.service.approve({ id: request.id, accountIds: [2, 1] });
      expect(await answer).toEqual([SAVINGS, MAIN]);
      expect(h.linkEvents).toEqual([
        { origin: SITE, name: 'connect', data: { chainId: '0x1' } },
        { origin: SITE, name: 'accountsChanged', data: [SAVINGS, MAIN] },
      ]);
      expect(h.service.requests()).toEqual([]);
      expect(h.service.sites()).toEqual([
        expect.objectContaining({ origin: SITE, chainId: 1, chainName: 'Ethereum', pending: 0 }),
      ]);
      expect(await h.call('eth_accounts')).toEqual([SAVINGS, MAIN]);
      // Connected now: asked again, it answers at once.
      expect(await h.call('eth_requestAccounts')).toEqual([SAVINGS, MAIN]);
      expect(h.emitted.map((e) => e.name)).toContain('dapps.sitesChanged');
    });

    it('a page reloaded while waiting joins the same request, and both hear the answer', async () => {
      const h = dappsHarness(temp.db);
      const before = h.call('eth_requestAccounts');
      const after = h.call('eth_requestAccounts');
      await h.tick();
      expect(h.service.requests()).toHaveLength(1);
      await h.service.approve({ id: first(h.service.requests()).id, accountIds: [1] });
      expect(await before).toEqual([MAIN]);
      expect(await after).toEqual([MAIN]);
    });

    it('a rejection reaches the page as 4001 and connects nothing', async () => {
      const h = dappsHarness(temp.db);
      const answer = code(h.call('eth_requestAccounts'));
      await h.tick();
      h.service.reject(first(h.service.requests()).id);
      expect(await answer).toBe(4001);
      expect(h.service.sites()).toEqual([]);
      expect(() => h.service.reject(h.service.requests()[0]?.id ?? 'f'.repeat(32))).toThrow(
        /no longer waiting/,
      );
    });

    it('refuses approval fields that do not fit the request, and accounts that are not there', async () => {
      const h = dappsHarness(temp.db);
      void h.call('eth_requestAccounts');
      await h.tick();
      const { id } = first(h.service.requests());
      await expect(h.service.approve({ id })).rejects.toThrow(/at least one account/);
      await expect(h.service.approve({ id, accountIds: [99] })).rejects.toThrow(/no longer in the wallet/);
      await expect(h.service.approve({ id, accountIds: [1], allowRevert: true })).rejects.toThrow(
        /only to a request to sign/,
      );
      expect(h.service.requests()).toHaveLength(1);
    });

    it('EIP-2255: requestPermissions grants eth_accounts only; getPermissions describes it', async () => {
      const h = dappsHarness(temp.db);
      expect(await code(h.call('wallet_requestPermissions', [{ eth_accounts: {}, snap_dialog: {} }]))).toBe(
        -32602,
      );
      expect(await code(h.call('wallet_requestPermissions', [{}]))).toBe(-32602);
      const answer = h.call('wallet_requestPermissions', [{ eth_accounts: {} }]);
      await h.tick();
      await h.service.approve({ id: first(h.service.requests()).id, accountIds: [1] });
      const granted = [
        {
          invoker: SITE,
          parentCapability: 'eth_accounts',
          caveats: [{ type: 'restrictReturnedAccounts', value: [MAIN] }],
          date: 1_000_000,
        },
      ];
      expect(await answer).toEqual(granted);
      expect(await h.call('wallet_getPermissions')).toEqual(granted);
      expect(await h.call('wallet_revokePermissions', [{ eth_accounts: {} }])).toBeNull();
      expect(await h.call('eth_accounts')).toEqual([]);
      expect(h.linkEvents.at(-1)).toEqual({ origin: SITE, name: 'accountsChanged', data: [] });
    });
  });

  describe('revoking', () => {
    it('sends accountsChanged [] at once; the site gets 4100 and its waiting requests end', async () => {
      const h = dappsHarness(temp.db);
      await connectSite(h);
      const signing = code(h.call('personal_sign', ['0x68', MAIN]));
      await h.tick();
      expect(h.service.sites()[0]?.pending).toBe(1);
      h.service.revoke(SITE);
      expect(h.linkEvents.at(-1)).toEqual({ origin: SITE, name: 'accountsChanged', data: [] });
      expect(await signing).toBe(4100);
      expect(h.service.requests()).toEqual([]);
      expect(await code(h.call('eth_blockNumber'))).toBe(4100);
      expect(await h.call('eth_accounts')).toEqual([]);
    });

    it('revokeAll disconnects every site and clears the window.ethereum list', async () => {
      const h = dappsHarness(temp.db);
      await connectSite(h);
      h.service.setWindowEthereum(SITE, true);
      expect(h.service.windowEthereumOrigins()).toEqual([SITE]);
      expect(h.windowLists.at(-1)).toEqual([SITE]);
      const waiting = code(h.call('eth_requestAccounts', undefined, OTHER));
      await h.tick();
      h.service.revokeAll();
      expect(await waiting).toBe(4100);
      expect(h.service.sites()).toEqual([]);
      expect(h.service.requests()).toEqual([]);
      expect(h.windowLists.at(-1)).toEqual([]);
    });

    it('window.ethereum is for connected sites only', () => {
      const h = dappsHarness(temp.db);
      expect(() => h.service.setWindowEthereum(SITE, true)).toThrow(/not connected/);
    });

    it('an account removed from the wallet leaves the sites it was exposed to', async () => {
      const h = dappsHarness(temp.db);
      await connectSite(h, [1, 2]);
      h.state.accounts.splice(0, 1);
      h.service.accountsChanged();
      expect(h.linkEvents.at(-1)).toEqual({ origin: SITE, name: 'accountsChanged', data: [SAVINGS] });
      h.state.accounts.splice(0, 1);
      h.service.accountsChanged();
      expect(h.linkEvents.at(-1)).toEqual({ origin: SITE, name: 'accountsChanged', data: [] });
      expect(h.service.sites()).toEqual([]);
    });
  });

  describe('signing requests', () => {
    it('are parsed before they are queued, and the approval answers the page', async () => {
      const h = dappsHarness(temp.db);
      await connectSite(h);
      const answer = h.call('personal_sign', ['0x68656c6c6f', MAIN]);
      await h.tick();
      expect(h.signing.parse).toHaveBeenCalledWith(
        'personal_sign',
        ['0x68656c6c6f', MAIN],
        expect.objectContaining({ origin: SITE }),
      );
      const request = first(h.service.requests());
      await h.service.review(request.id);
      expect(h.signing.review).toHaveBeenCalledWith(expect.objectContaining({ id: request.id }));
      await h.service.approve({ id: request.id });
      expect(await answer).toBe(`0x${'ab'.repeat(65)}`);
    });

    it('a malformed one never reaches the queue or a signer', async () => {
      const h = dappsHarness(temp.db);
      await connectSite(h);
      h.signing.parse.mockImplementationOnce(() => {
        throw new ProviderError(-32602, 'Invalid personal_sign params.');
      });
      expect(await code(h.call('personal_sign', [42]))).toBe(-32602);
      expect(h.service.requests()).toEqual([]);
      expect(h.signing.approve).not.toHaveBeenCalled();
    });

    it('a device failure leaves the request waiting; a ProviderError settles it', async () => {
      const h = dappsHarness(temp.db);
      await connectSite(h);
      const answer = code(h.call('personal_sign', ['0x68', MAIN]));
      await h.tick();
      const { id } = first(h.service.requests());
      h.signing.approve.mockRejectedValueOnce(new Error('Ledger not connected'));
      await expect(h.service.approve({ id })).rejects.toThrow('Ledger not connected');
      expect(h.service.requests()).toHaveLength(1);
      h.signing.approve.mockRejectedValueOnce(new ProviderError(4001, 'Rejected on the device.'));
      await h.service.approve({ id });
      expect(await answer).toBe(4001);
      expect(h.service.requests()).toEqual([]);
    });

    it('a request being carried out can be neither approved again nor rejected', async () => {
      const h = dappsHarness(temp.db);
      await connectSite(h);
      const answer = h.call('personal_sign', ['0x68', MAIN]);
      await h.tick();
      const { id } = first(h.service.requests());
      let release: (signature: string) => void = () => {};
      h.signing.approve.mockReturnValueOnce(new Promise((resolve) => (release = resolve)));
      const approving = h.service.approve({ id });
      await expect(h.service.approve({ id })).rejects.toThrow(/being carried out/);
      expect(() => h.service.reject(id)).toThrow(/being carried out/);
      release('0xsigned');
      await approving;
      expect(await answer).toBe('0xsigned');
      expect(h.signing.approve).toHaveBeenCalledTimes(1);
    });

    it('EIP-5792 questions go to the signing requests, for connected sites', async () => {
      const h = dappsHarness(temp.db);
      await connectSite(h);
      expect(await h.call('wallet_getCapabilities', [MAIN])).toEqual({ answered: true });
    });

    it('only a request to sign has a review', async () => {
      const h = dappsHarness(temp.db);
      void h.call('eth_requestAccounts');
      await h.tick();
      expect(() => h.service.review(first(h.service.requests()).id)).toThrow(/Only a request to sign/);
    });
  });

  describe('the queue', () => {
    it('survives a restart, and an approval after it still connects the site', async () => {
      const original = dappsHarness(temp.db);
      void original.call('eth_requestAccounts');
      await original.tick();
      const before = original.service.requests();
      const again = dappsHarness(temp.reopen());
      expect(again.service.requests()).toEqual(before);
      await again.service.approve({ id: first(before).id, accountIds: [1] });
      expect(again.service.sites().map((site) => site.origin)).toEqual([SITE]);
    });

    it('holds at most 10 requests per site (-32005)', async () => {
      const h = dappsHarness(temp.db);
      await connectSite(h);
      for (let i = 0; i < 10; i++)
        void h.call('personal_sign', [`0x${i.toString(16).padStart(2, '0')}`, MAIN]);
      await h.tick();
      expect(await code(h.call('personal_sign', ['0xff', MAIN]))).toBe(-32005);
      expect(h.service.requests()).toHaveLength(10);
    });
  });

  it('answers 4200 for a method it does not have, and -32600 for a malformed request', async () => {
    const h = dappsHarness(temp.db);
    expect(await code(h.call('eth_sign', ['0x', '0x']))).toBe(4200);
    expect(await code(h.call('eth_chainId', 'not params'))).toBe(-32600);
    expect(await code(h.call('eth_chainId', undefined, 'http://evil.example'))).toBe(-32600);
    expect(await code(h.call('eth_chainId', [1]))).toBe(-32602);
  });
});
