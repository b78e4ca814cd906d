import { approvalsOverview } from '../../../src/main/tx/approvals/approvalsOverview';
import { calls, type Channel } from '../../../src/shared/api/contract';
import type { TxReview } from '../../../src/shared/review';
import type { OutgoingView, RevokeRequest, SendDraft } from '../../../src/shared/tx';
import { ApiCallError } from '../../../src/renderer/api/client';
import type { DoubleWorld } from './world';
import type { DeviceSigning } from './deviceSigning';
import { type FamilyHandlers, routerParse } from './handlers';
import { recordedReview } from './recordedReviews';
import { reviewWorld } from './reviewWorld';
import { replacementReview, revokeReview } from './synthesizedReviews';

type TxChannel =
  | 'tx.review'
  | 'tx.send'
  | 'tx.list'
  | 'tx.reviewReplacement'
  | 'tx.speedUp'
  | 'tx.cancel'
  | 'approvals.overview'
  | 'approvals.reviewRevoke'
  | 'approvals.revoke';

export interface TxCalls {
  handlers: FamilyHandlers<TxChannel>;
  /**
   * A transaction moving on chain, as main's tracker reports it: the whole list is pushed again. An included
   * revoke removes its allowance, and an included replacement marks the one it replaced, as main would.
   */
  settleTx(id: number, change: Partial<OutgoingView>): void;
}

/** Main's rule for Sign: nothing blocks, or the only blocking findings are overridable and overridden. */
function signable(review: TxReview, allowRevert: boolean): boolean {
  const blocking = review.findings.filter((f) => f.severity === 'blocking');
  return blocking.length === 0 || (allowRevert && blocking.every((f) => f.overridable));
}

/** Sending, speeding up, cancelling and revoking, each reviewed first and signed on the device. */
export function txCalls(double: DoubleWorld, signing: Pick<DeviceSigning, 'askDevice'>): TxCalls {
  let clock = 1_700_000_600_000;
  /** The allowance each revoke transaction withdraws, by its id. */
  const revokes = new Map<number, { token: string; spender: string }>();

  function changed(): void {
    double.emit('tx.changed', [...double.outgoing]);
  }

  function chainName(chainId: number): string {
    return double.chains.find((c) => c.id === chainId)?.name ?? `Chain ${chainId}`;
  }

  /** TxService's recorded review of this draft in this wallet, plus the findings the test says main makes. */
  function review(channel: Channel, request: SendDraft): TxReview {
    // tx.review ignores allowRevert, so a send is looked up as the review it follows.
    const draft = { ...routerParse(channel, calls['tx.review'].request, request), allowRevert: false };
    const recorded = recordedReview(reviewWorld(double), draft);
    const to = recorded.transaction.to ?? '';
    const added = double.recipientWarnings[to.toLowerCase()] ?? [];
    const findings = [...added, ...recorded.findings];
    return { ...recorded, findings, blocked: findings.some((f) => f.severity === 'blocking') };
  }

  function nextTx(
    fields: Omit<OutgoingView, 'id' | 'hash' | 'createdAt' | 'updatedAt' | 'replacedBy' | 'transfer'>,
  ): OutgoingView {
    const id = Math.max(0, ...double.outgoing.map((tx) => tx.id)) + 1;
    const at = ++clock;
    const tx = {
      transfer: null,
      ...fields,
      id,
      hash: `0x${id.toString(16).padStart(64, 'e')}`,
      replacedBy: null,
      createdAt: at,
      updatedAt: at,
    };
    double.outgoing = [...double.outgoing, tx];
    return tx;
  }

  /** Like main: the review again, refused while it blocks, else signed on the device, broadcast, pending. */
  async function send(request: SendDraft): Promise<OutgoingView> {
    const checked = review('tx.send', request);
    if (!signable(checked, request.allowRevert === true)) {
      throw new ApiCallError('tx.send', {
        code: 'invalid_state',
        message: 'The review blocks this transaction; fix what it found and review again.',
      });
    }
    await signing.askDevice(
      'tx.send',
      request.accountId,
      'transaction',
      checked.device?.lines ?? [],
      shown(checked),
    );
    const tx = nextTx({
      chainId: checked.chainId,
      from: checked.from.address,
      nonce: checked.transaction.nonce,
      purpose: 'send',
      replaces: null,
      status: 'pending',
      blockNumber: null,
      confirmations: null,
      reason: null,
      to: checked.transaction.to,
      value: checked.transaction.value,
    });
    changed();
    return tx;
  }

  /** The pending transaction a speed-up or cancel replaces, and the account that sent it. */
  function pendingOriginal(channel: Channel, id: number) {
    const original = double.outgoing.find((tx) => tx.id === id);
    if (!original) throw new ApiCallError(channel, { code: 'not_found', message: 'No such transaction.' });
    if (original.status !== 'pending' || original.replacedBy !== null) {
      throw new ApiCallError(channel, {
        code: 'conflict',
        message: 'This transaction is no longer pending.',
      });
    }
    const account = double.accounts.find((a) => a.address.toLowerCase() === original.from.toLowerCase());
    if (!account) throw new ApiCallError(channel, { code: 'not_found', message: 'No such account.' });
    const device = double.devices.find((d) => d.fingerprint === account.deviceFingerprint);
    return { original, account, device };
  }

  function reviewReplacement(channel: Channel, id: number, mode: 'speed-up' | 'cancel'): TxReview {
    const { original, account, device } = pendingOriginal(channel, id);
    return replacementReview(original, mode, account, device, chainName(original.chainId));
  }

  /** Like main: same nonce, higher fee, signed again; the original is marked as being replaced by it. */
  async function replace(
    channel: Channel,
    id: number,
    purpose: 'speed-up' | 'cancel',
  ): Promise<OutgoingView> {
    const checked = reviewReplacement(channel, id, purpose);
    const { original, account } = pendingOriginal(channel, id);
    await signing.askDevice(channel, account.id, 'transaction', checked.device?.lines ?? [], shown(checked));
    const tx = nextTx({
      ...original,
      purpose,
      replaces: original.id,
      status: 'pending',
      to: checked.transaction.to,
      value: checked.transaction.value,
    });
    double.outgoing = double.outgoing.map((t) => (t.id === id ? { ...t, replacedBy: tx.id } : t));
    changed();
    return tx;
  }

  function reviewRevoke({ accountId, chainId, allowances }: RevokeRequest): TxReview[] {
    const account = double.accounts.find((a) => a.id === accountId);
    if (!account)
      throw new ApiCallError('approvals.reviewRevoke', { code: 'not_found', message: 'No such account.' });
    const device = double.devices.find((d) => d.fingerprint === account.deviceFingerprint);
    const nonce = double.outgoing.filter((t) => t.from === account.address && t.chainId === chainId).length;
    return allowances.map(({ token, spender }, index) => {
      const allowance = double.allowances.find(
        (a) =>
          a.chainId === chainId &&
          a.token.toLowerCase() === token.toLowerCase() &&
          a.spender.toLowerCase() === spender.toLowerCase(),
      );
      if (!allowance) {
        throw new ApiCallError('approvals.reviewRevoke', {
          code: 'not_found',
          message: 'No such allowance.',
        });
      }
      return revokeReview(allowance, account, device, chainName(chainId), nonce + index);
    });
  }

  /** Like main: one approve(spender, 0) per allowance, each signed on the device in turn. */
  async function revoke({ accountId, chainId, allowances }: RevokeRequest): Promise<OutgoingView[]> {
    const account = double.accounts.find((a) => a.id === accountId);
    const sent: OutgoingView[] = [];
    for (const { token, spender } of allowances) {
      await signing.askDevice('approvals.revoke', accountId, 'transaction', [
        { label: 'Revoke', value: spender },
      ]);
      const tx = nextTx({
        chainId,
        from: account?.address ?? '',
        nonce: double.outgoing.filter((t) => t.from === account?.address && t.chainId === chainId).length,
        purpose: 'revoke',
        replaces: null,
        status: 'pending',
        blockNumber: null,
        confirmations: null,
        reason: null,
        to: token,
        value: '0',
      });
      revokes.set(tx.id, { token, spender });
      sent.push(tx);
      changed();
    }
    return sent;
  }

  function allowancesOf(accountId: number, chainId: number) {
    const owner = double.accounts.find((a) => a.id === accountId)?.address.toLowerCase();
    return double.allowances.filter((a) => a.chainId === chainId && a.owner.toLowerCase() === owner);
  }

  function settleTx(id: number, change: Partial<OutgoingView>): void {
    double.outgoing = double.outgoing.map((tx) =>
      tx.id === id ? { ...tx, ...change, updatedAt: ++clock } : tx,
    );
    const tx = double.outgoing.find((t) => t.id === id);
    if (tx?.status === 'included' && tx.replaces !== null) {
      double.outgoing = double.outgoing.map((t) =>
        t.id === tx.replaces
          ? { ...t, status: 'replaced' as const, replacedBy: null, updatedAt: ++clock }
          : t,
      );
    }
    const revoked = revokes.get(id);
    if (revoked && tx?.status === 'included') {
      const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
      double.allowances = double.allowances.filter(
        (a) =>
          !(
            a.chainId === tx.chainId &&
            same(a.owner, tx.from) &&
            same(a.token, revoked.token) &&
            same(a.spender, revoked.spender)
          ),
      );
    }
    changed();
  }

  return {
    handlers: {
      'tx.review': (draft) => review('tx.review', draft),
      'tx.send': send,
      'tx.list': () => [...double.outgoing],
      'tx.reviewReplacement': ({ id, mode }) => reviewReplacement('tx.reviewReplacement', id, mode),
      'tx.speedUp': ({ id }) => replace('tx.speedUp', id, 'speed-up'),
      'tx.cancel': ({ id }) => replace('tx.cancel', id, 'cancel'),
      // Main's own gathering and ordering, over the world's allowances and spenders.
      'approvals.overview': () =>
        approvalsOverview({
          accounts: () => double.accounts,
          chainIds: async () => double.settings.enabledChainIds,
          allowances: async (accountId, chainId) => allowancesOf(accountId, chainId),
          withCode: async (_chainId, spenders) =>
            new Set(spenders.filter((s) => !double.codelessSpenders.includes(s.toLowerCase()))),
          nowSeconds: () => double.nowSeconds,
        }),
      'approvals.reviewRevoke': reviewRevoke,
      'approvals.revoke': revoke,
    },
    settleTx,
  };
}

/** The review the overlay shows beside the device's lines, as main attaches it to the request. */
function shown(review: TxReview) {
  return { review: { type: 'transaction' as const, review }, blind: review.device?.mode === 'blind' };
}
