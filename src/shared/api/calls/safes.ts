import { TxReview } from '../../review';
import {
  AddSafe,
  ConfirmSafeTx,
  CreateSafe,
  ExecuteSafeTx,
  ProposeSafeTx,
  SafeCreationReview,
  SafeRef,
  SafesView,
  SafeTxRef,
  SafeTxReview,
  SafeTxView,
} from '../../safes';
import { NoRequest, type CallFamily, type EventFamily } from './spec';

/**
 * Safes whose owners are the user's devices. Owners coordinate over the paired phone's end-to-end encrypted
 * session and state sync, never through a Safe service: everything here is read from the user's RPC.
 */
export const safesCalls = {
  'safes.view': { request: NoRequest, response: SafesView },
  /** The creation transaction as `safes.create` would send it, with the Safe's address known in advance. */
  'safes.reviewCreate': { request: CreateSafe, response: SafeCreationReview },
  /** Sends the creation transaction from the deployer; the Safe is listed `deploying` until it is included. */
  'safes.create': { request: CreateSafe, response: SafesView },
  /** Follows an existing Safe: owners, threshold, nonce, modules and guard read on chain, with warnings. */
  'safes.add': { request: AddSafe, response: SafesView },
  /** Stops following a Safe here (and on synced desktops); nothing changes on chain. */
  'safes.remove': { request: SafeRef, response: SafesView },
  'safes.refresh': { request: SafeRef, response: SafesView },
  /** The Safe transaction an action would build, its hash, what it does and what can go wrong. */
  'safes.reviewTransaction': { request: ProposeSafeTx, response: SafeTxReview },
  /** Keeps the Safe transaction, unsigned, at the Safe's next free nonce. */
  'safes.propose': { request: ProposeSafeTx, response: SafeTxView },
  /** One owner signs: on its Ledger or Trezor, or on its paired phone, which is sent the decoded request. */
  'safes.confirm': { request: ConfirmSafeTx, response: SafeTxView },
  /** The execTransaction call the executor would send, reviewed like any transaction. */
  'safes.reviewExecute': { request: ExecuteSafeTx, response: TxReview },
  /** Checks every signature, the nonce and the threshold again, then sends execTransaction. */
  'safes.execute': { request: ExecuteSafeTx, response: SafeTxView },
  /** Forgets a Safe transaction that was not executed; signatures already given stay valid on chain. */
  'safes.discard': { request: SafeTxRef, response: SafesView },
} as const satisfies CallFamily;

export const safesEvents = {
  'safes.changed': SafesView,
} as const satisfies EventFamily;
