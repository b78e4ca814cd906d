import type { AccountView } from '../../../src/shared/accounts';
import { calls, type Channel } from '../../../src/shared/api/contract';
import type { TxReview } from '../../../src/shared/review';
import type {
  ProposeSafeTx,
  SafeConfirmationView,
  SafeTxReview,
  SafeTxView,
  SafeView,
} from '../../../src/shared/safes';
import { keccak256, stringToHex } from 'viem';
import { shortAddress } from '../../../src/shared/format/shortAddress';
import { ApiCallError } from '../../../src/renderer/api/client';
import { txReviewFixture } from '../../tx/txReviewFixture';
import { safeOwner, safeTxView, safeView } from '../safesFixture';
import type { DeviceSigning } from './deviceSigning';
import { type FamilyHandlers, routerParse } from './handlers';
import type { DoubleWorld } from './world';

type SafesChannel =
  | 'safes.view'
  | 'safes.reviewCreate'
  | 'safes.create'
  | 'safes.add'
  | 'safes.remove'
  | 'safes.refresh'
  | 'safes.reviewTransaction'
  | 'safes.propose'
  | 'safes.confirm'
  | 'safes.reviewExecute'
  | 'safes.execute'
  | 'safes.discard';

/** What the chain holds at an address, as safes.add reads it: the owners as plain addresses. */
export type SafeOnChain = Pick<
  SafeView,
  'chainId' | 'threshold' | 'nonce' | 'modules' | 'guard' | 'warnings'
> & {
  owners: string[];
};

export interface SafesCalls {
  handlers: FamilyHandlers<SafesChannel>;
  /** The Safes that exist on chain, by lower-case address: tests put them here for safes.add to find. */
  readonly onChain: Map<string, SafeOnChain>;
}

const OWNER_CHANGE =
  'This changes who controls the Safe. Check every owner and the threshold before you sign.';

const PROXY_FACTORY = '0x4e1DCf7AD4e460CfD30791CCC4F9c8a4f820ec67';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Creating, adding and using Safes as SafesService does, with signatures from the double's devices and phones. */
export function safesCalls(double: DoubleWorld, signing: Pick<DeviceSigning, 'askDevice'>): SafesCalls {
  const onChain = new Map<string, SafeOnChain>();
  let clock = 1_700_000_700_000;

  function refuse(
    channel: Channel,
    code: 'not_found' | 'invalid_request' | 'cannot_sign',
    message: string,
  ): never {
    throw new ApiCallError(channel, { code, message });
  }

  function accountOf(channel: Channel, id: number): AccountView {
    return double.accounts.find((a) => a.id === id) ?? refuse(channel, 'not_found', 'No such account.');
  }

  function signingAccount(channel: Channel, id: number): AccountView {
    const account = accountOf(channel, id);
    if (account.signer === 'watch') {
      refuse(channel, 'cannot_sign', 'This is a watch-only address: the wallet holds no key for it.');
    }
    return account;
  }

  function safeOf(channel: Channel, id: number): SafeView {
    return double.safes.safes.find((s) => s.id === id) ?? refuse(channel, 'not_found', 'No such Safe.');
  }

  function txOf(channel: Channel, id: number): SafeTxView {
    return (
      double.safes.transactions.find((t) => t.id === id) ??
      refuse(channel, 'not_found', 'No such Safe transaction.')
    );
  }

  function ownerView(address: string) {
    const account = double.accounts.find((a) => same(a.address, address));
    return safeOwner(account ?? address);
  }

  function nextId(items: readonly { id: number }[]): number {
    return Math.max(0, ...items.map((item) => item.id)) + 1;
  }

  /** The review of a contract call the account would send, as TxService words one. */
  function callReview(account: AccountView, chainId: number, to: string, summary: string): TxReview {
    const chainName = double.chains.find((c) => c.id === chainId)?.name ?? `Chain ${chainId}`;
    const value = { value: '0', decimals: 18, symbol: 'ETH', unlimited: false };
    return txReviewFixture({
      purpose: 'call',
      chainId,
      chainName,
      from: { accountId: account.id, address: account.address, label: account.label },
      summary,
      action: {
        type: 'contract-call',
        to: { address: to, name: null, source: 'none' },
        method: summary,
        value,
      },
      transaction: { to: to.toLowerCase(), value: '0', data: '0x1688f0b9', nonce: 3 },
    });
  }

  /** Like SafesService: owners and the deployer must sign, and the threshold fits the owners. */
  function planCreate(channel: Channel, request: unknown) {
    const create = routerParse(channel, calls['safes.reviewCreate'].request, request);
    const owners = create.ownerAccountIds.map((id) => signingAccount(channel, id));
    if (create.threshold > owners.length) {
      refuse(channel, 'invalid_request', 'A Safe cannot require more signatures than it has owners.');
    }
    const deployer = signingAccount(channel, create.deployerAccountId);
    const address = `0x${(nextId(double.safes.safes) + 0xc0de).toString(16).padStart(40, '5')}`;
    return { create, owners, deployer, address };
  }

  async function create(request: unknown) {
    const { create, owners, deployer, address } = planCreate('safes.create', request);
    await signWith('safes.create', deployer, 'transaction', []);
    const safe = safeView({
      id: nextId(double.safes.safes),
      chainId: create.chainId,
      address,
      name: create.name,
      status: 'deploying',
      deployment: { hash: `0x${'d3'.repeat(32)}`, outgoingId: null },
      owners: owners.map(safeOwner),
      threshold: create.threshold,
      balance: '0',
      readAt: null,
    });
    return double.updateSafes({ safes: [...double.safes.safes, safe] });
  }

  function add(request: unknown) {
    const { chainId, address, name } = routerParse('safes.add', calls['safes.add'].request, request);
    const found = onChain.get(address.toLowerCase());
    if (!found || found.chainId !== chainId) {
      refuse('safes.add', 'invalid_request', 'There is no Safe at this address on this network.');
    }
    const safe = safeView({
      ...found,
      id: nextId(double.safes.safes),
      address,
      name,
      owners: found.owners.map(ownerView),
    });
    return double.updateSafes({ safes: [...double.safes.safes, safe] });
  }

  /** Like SafesService: the action in words, with strong warnings for what changes control of the Safe. */
  function reviewTransaction(channel: Channel, request: ProposeSafeTx): SafeTxReview {
    const { safeId, action } = routerParse(channel, calls['safes.reviewTransaction'].request, request);
    const safe = safeOf(channel, safeId);
    const pending = double.safes.transactions.filter((t) => t.safeId === safeId && t.status !== 'executed');
    const base = safeTxView(safe, { tx: { ...safeTxView(safe).tx, nonce: safe.nonce + pending.length } });
    const words = (() => {
      switch (action.kind) {
        case 'send':
          return { kind: action.kind, summary: `Send ${action.amount} ETH to ${shortAddress(action.to)}` };
        case 'add-owner':
          return { kind: action.kind, summary: `Add owner ${shortAddress(action.owner)}`, warn: true };
        case 'remove-owner':
          return { kind: action.kind, summary: `Remove owner ${shortAddress(action.owner)}`, warn: true };
        case 'change-threshold':
          return { kind: action.kind, summary: `Require ${action.threshold} signatures`, warn: true };
        case 'revoke':
          return { kind: action.kind, summary: `Revoke ${shortAddress(action.spender)}'s allowance` };
      }
    })();
    return {
      safeId,
      safe: safe.address,
      chainId: safe.chainId,
      tx: base.tx,
      // The same action at the same nonce hashes the same, as a real SafeTx does.
      safeTxHash: keccak256(
        stringToHex(JSON.stringify({ safe: safe.address, nonce: base.tx.nonce, action })),
      ),
      kind: words.kind,
      summary: words.summary,
      warnings: [...('warn' in words ? [OWNER_CHANGE] : []), ...safe.warnings],
      simulation: { ok: true, reason: null },
      threshold: safe.threshold,
    };
  }

  function propose(request: ProposeSafeTx): SafeTxView {
    const at = ++clock;
    const tx: SafeTxView = {
      ...reviewTransaction('safes.propose', request),
      id: nextId(double.safes.transactions),
      confirmations: [],
      status: 'collecting',
      execution: null,
      createdAt: at,
      updatedAt: at,
    };
    double.updateSafes({ transactions: [tx, ...double.safes.transactions] });
    return tx;
  }

  function replaceTx(tx: SafeTxView): SafeTxView {
    double.updateSafes({ transactions: double.safes.transactions.map((t) => (t.id === tx.id ? tx : t)) });
    return tx;
  }

  /**
   * The account's signer says yes: its Ledger or Trezor through the signing queue (shown in the overlay), or
   * its paired phone, which the double has answer at once.
   */
  async function signWith(
    channel: Channel,
    account: AccountView,
    action: 'typed-data' | 'transaction',
    lines: { label: string; value: string }[],
    blind = false,
  ): Promise<SafeConfirmationView['signer']> {
    if (account.signer === 'phone') {
      const phone = double.pairing.phones.find((p) => p.accountId === account.id);
      if (!phone) refuse(channel, 'cannot_sign', 'The phone of this account is no longer paired.');
      return { kind: 'phone', label: phone.name, fingerprint: phone.fingerprint };
    }
    const { device } = await signing.askDevice(channel, account.id, action, lines, { review: null, blind });
    return { kind: device.kind, label: device.label, fingerprint: device.fingerprint };
  }

  async function confirm(request: unknown): Promise<SafeTxView> {
    const { id, accountId, allowBlindSigning } = routerParse(
      'safes.confirm',
      calls['safes.confirm'].request,
      request,
    );
    const tx = txOf('safes.confirm', id);
    const safe = safeOf('safes.confirm', tx.safeId);
    const account = signingAccount('safes.confirm', accountId);
    if (!safe.owners.some((o) => same(o.address, account.address))) {
      refuse('safes.confirm', 'invalid_request', `${account.label} is not an owner of this Safe.`);
    }
    const lines = [{ label: 'Safe transaction hash', value: tx.safeTxHash }];
    const signer = await signWith('safes.confirm', account, 'typed-data', lines, allowBlindSigning);
    const mode = signer.kind === 'phone' ? 'phone' : allowBlindSigning ? 'hashed' : 'clear';
    const confirmations = [
      ...tx.confirmations,
      { owner: account.address, signer, mode, signedAt: ++clock } as const,
    ];
    const status = confirmations.length >= tx.threshold ? 'ready' : 'collecting';
    return replaceTx({ ...tx, confirmations, status, updatedAt: clock });
  }

  function reviewExecute(channel: Channel, request: unknown): { tx: SafeTxView; review: TxReview } {
    const { id, executorAccountId } = routerParse(channel, calls['safes.reviewExecute'].request, request);
    const tx = txOf(channel, id);
    if (tx.status !== 'ready') {
      throw new ApiCallError(channel, {
        code: 'invalid_state',
        message: 'This Safe transaction does not have enough signatures yet.',
      });
    }
    const executor = signingAccount(channel, executorAccountId);
    return { tx, review: callReview(executor, tx.chainId, tx.safe, `Execute “${tx.summary}” from the Safe`) };
  }

  async function execute(request: unknown): Promise<SafeTxView> {
    const { tx, review } = reviewExecute('safes.execute', request);
    const executor = accountOf('safes.execute', review.from.accountId);
    await signWith('safes.execute', executor, 'transaction', review.device?.lines ?? []);
    const execution = { hash: `0x${'e5'.repeat(32)}`, by: review.from.address, outgoingId: null };
    return replaceTx({ ...tx, status: 'executing', execution, updatedAt: ++clock });
  }

  return {
    onChain,
    handlers: {
      'safes.view': () => double.safes,
      'safes.reviewCreate': (request) => {
        const { create, deployer, address } = planCreate('safes.reviewCreate', request);
        return { address, review: callReview(deployer, create.chainId, PROXY_FACTORY, 'Create a Safe') };
      },
      'safes.create': create,
      'safes.add': add,
      'safes.remove': ({ id }) => {
        safeOf('safes.remove', id);
        return double.updateSafes({
          safes: double.safes.safes.filter((s) => s.id !== id),
          transactions: double.safes.transactions.filter((t) => t.safeId !== id),
        });
      },
      'safes.refresh': ({ id }) => {
        safeOf('safes.refresh', id);
        return double.safes;
      },
      'safes.reviewTransaction': (request) => reviewTransaction('safes.reviewTransaction', request),
      'safes.propose': propose,
      'safes.confirm': confirm,
      'safes.reviewExecute': (request) => reviewExecute('safes.reviewExecute', request).review,
      'safes.execute': execute,
      'safes.discard': ({ id }) => {
        txOf('safes.discard', id);
        return double.updateSafes({ transactions: double.safes.transactions.filter((t) => t.id !== id) });
      },
    },
  };
}
