import { calls, type Channel } from '../../../src/shared/api/contract';
import type { OutgoingView, RevokeRequest, SendDraft, SendReview } from '../../../src/shared/tx';
import { ApiCallError } from '../../../src/renderer/api/client';
import type { DoubleWorld } from './world';
import type { DeviceSigning } from './deviceSigning';
import { type FamilyHandlers, routerParse } from './handlers';
import { recordedReview } from './recordedReviews';
import { reviewWorld } from './reviewWorld';

type TxChannel =
  'tx.review' | 'tx.send' | 'tx.list' | 'tx.speedUp' | 'tx.cancel' | 'approvals.list' | 'approvals.revoke';

export interface TxCalls {
  handlers: FamilyHandlers<TxChannel>;
  /**
   * A transaction moving on chain, as main's tracker reports it: the whole list is pushed again. An included
   * revoke removes its allowance, as the next read of the chain would.
   */
  settleTx(id: number, change: Partial<OutgoingView>): void;
}

/** Sending, speeding up, cancelling and revoking, each signed on the device through the signing queue. */
export function txCalls(double: DoubleWorld, signing: Pick<DeviceSigning, 'askDevice'>): TxCalls {
  let clock = 1_700_000_600_000;
  /** The allowance each revoke transaction withdraws, by its id. */
  const revokes = new Map<number, { token: string; spender: string }>();

  function changed(): void {
    double.emit('tx.changed', [...double.outgoing]);
  }

  /** TxService's review of this draft in this wallet, plus the warnings the test adds for the recipient. */
  function review(channel: Channel, request: SendDraft): SendReview {
    const draft = routerParse(channel, calls['tx.review'].request, request);
    const recorded = recordedReview(reviewWorld(double), draft);
    const added = double.recipientWarnings[recorded.to.address.toLowerCase()] ?? [];
    return { ...recorded, warnings: [...added, ...recorded.warnings] };
  }

  function nextTx(fields: Omit<OutgoingView, 'id' | 'hash' | 'createdAt' | 'updatedAt'>): OutgoingView {
    const id = Math.max(0, ...double.outgoing.map((tx) => tx.id)) + 1;
    const at = ++clock;
    const tx = {
      ...fields,
      id,
      hash: `0x${id.toString(16).padStart(64, 'e')}`,
      createdAt: at,
      updatedAt: at,
    };
    double.outgoing = [...double.outgoing, tx];
    return tx;
  }

  /** Like main: the review again, signed on the device, broadcast, then pending. */
  async function send(draft: SendDraft): Promise<OutgoingView> {
    const checked = review('tx.send', draft);
    await signing.askDevice('tx.send', draft.accountId, 'transaction', checked.signer?.screen ?? []);
    const tx = nextTx({
      chainId: checked.chainId,
      from: checked.from.address,
      nonce: checked.nonce,
      purpose: 'send',
      replaces: null,
      status: 'pending',
      blockNumber: null,
      confirmations: null,
      reason: null,
      to: checked.asset.token ?? checked.to.address,
      value: checked.asset.token ? '0' : checked.amount,
    });
    changed();
    return tx;
  }

  /** Like main: same nonce, higher fee, signed again; the original is replaced by it. */
  async function replace(
    channel: Channel,
    id: number,
    purpose: 'speed-up' | 'cancel',
  ): Promise<OutgoingView> {
    const original = double.outgoing.find((tx) => tx.id === id);
    if (!original) throw new ApiCallError(channel, { code: 'not_found', message: 'No such transaction.' });
    if (original.status !== 'pending') {
      throw new ApiCallError(channel, {
        code: 'conflict',
        message: 'This transaction is no longer pending.',
      });
    }
    const account = double.accounts.find((a) => a.address.toLowerCase() === original.from.toLowerCase());
    await signing.askDevice(channel, account?.id ?? 0, 'transaction', [
      { label: 'Nonce', value: String(original.nonce) },
    ]);
    const tx = nextTx({
      ...original,
      purpose,
      replaces: original.id,
      status: 'pending',
      to: purpose === 'cancel' ? original.from : original.to,
      value: purpose === 'cancel' ? '0' : original.value,
    });
    double.outgoing = double.outgoing.map((t) => (t.id === id ? { ...t, status: 'replaced' as const } : t));
    changed();
    return tx;
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

  function settleTx(id: number, change: Partial<OutgoingView>): void {
    double.outgoing = double.outgoing.map((tx) =>
      tx.id === id ? { ...tx, ...change, updatedAt: ++clock } : tx,
    );
    const revoked = revokes.get(id);
    const tx = double.outgoing.find((t) => t.id === id);
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
      'tx.speedUp': ({ id }) => replace('tx.speedUp', id, 'speed-up'),
      'tx.cancel': ({ id }) => replace('tx.cancel', id, 'cancel'),
      'approvals.list': ({ accountId, chainId }) => {
        const owner = double.accounts.find((a) => a.id === accountId)?.address.toLowerCase();
        return double.allowances.filter((a) => a.chainId === chainId && a.owner.toLowerCase() === owner);
      },
      'approvals.revoke': revoke,
    },
    settleTx,
  };
}
