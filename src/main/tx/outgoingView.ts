import { Transaction } from 'ethers';
import type { OutgoingView } from '../../shared/tx';
import { decodeTwoWordCall, SELECTORS } from '../review/device/erc20Calls';
import { type ChecksumAddress, toChecksumAddress } from '../store/address';
import { isOpen, type OutgoingTransaction } from './outgoingRepository';

/**
 * A sent transaction as the Send page shows it. `head` is the chain's head when last asked; confirmations
 * count the including block, and stay null until the head is known. `rows` are the wallet's other sent
 * transactions: an open speed-up or cancel among them means this one is being replaced.
 */
export function outgoingView(
  row: OutgoingTransaction,
  head: number | undefined,
  rows: readonly OutgoingTransaction[],
): OutgoingView {
  const parsed = Transaction.from(row.raw);
  const to = parsed.to ? toChecksumAddress(parsed.to) : null;
  const replacement = rows.find((other) => other.replaces === row.id && isOpen(other.status));
  return {
    id: row.id,
    chainId: row.chainId,
    from: row.address,
    hash: row.hash,
    nonce: row.nonce,
    purpose: row.purpose,
    replaces: row.replaces,
    status: row.status,
    replacedBy: replacement?.id ?? null,
    blockNumber: row.blockNumber,
    confirmations: confirmationsOf(row, head),
    reason: row.reason,
    to,
    value: parsed.value.toString(),
    transfer: tokenTransfer(to, parsed.data),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Blocks on top of an included transaction's, its own counted; null until included and the head is known. */
export function confirmationsOf(row: OutgoingTransaction, head: number | undefined): number | null {
  return row.status === 'included' && row.blockNumber !== null && head !== undefined
    ? Math.max(1, head - row.blockNumber + 1)
    : null;
}

/** A token transfer's recipient and amount, read from the calldata the account signed. */
function tokenTransfer(
  token: ChecksumAddress | null,
  data: string,
): { token: ChecksumAddress; recipient: ChecksumAddress; amount: string } | null {
  const call = token ? decodeTwoWordCall(data, SELECTORS.transfer) : null;
  return token && call ? { token, recipient: call.party, amount: call.amount.toString() } : null;
}

/**
 * Where the account's earlier sends went, for the first-time recipient check: a token transfer went to its
 * recipient, not to the token contract.
 */
export function sentTo(rows: readonly OutgoingTransaction[], address: string) {
  return rows.flatMap((row) => {
    if (row.address !== address) return [];
    const { to, data } = Transaction.from(row.raw);
    if (!to) return [];
    const checksummed = toChecksumAddress(to);
    return [tokenTransfer(checksummed, data)?.recipient ?? checksummed];
  });
}
