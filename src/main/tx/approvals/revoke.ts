import { addressCall, SELECTOR } from '../../rpc/multicall';
import type { ChecksumAddress } from '../../store/address';

/** The call part of a revoke; fees, nonce and review are added as for any send. */
export interface RevokeCall {
  to: ChecksumAddress;
  data: string;
  value: 0n;
}

export interface RevokeTarget {
  token: ChecksumAddress;
  spender: ChecksumAddress;
}

/** `approve(spender, 0)` on the token: the standard way to take an ERC-20 allowance back. */
export function buildRevoke(token: ChecksumAddress, spender: ChecksumAddress): RevokeCall {
  return { to: token, data: `${addressCall(SELECTOR.approve, spender)}${'0'.repeat(64)}`, value: 0n };
}

/**
 * One transaction per allowance. ERC-20 has no batch form of `approve`, and `msg.sender` must be the owner,
 * so a multicall contract cannot revoke on the owner's behalf; several revokes are several transactions,
 * each reviewed and tracked like a send.
 */
export function buildRevokes(targets: readonly RevokeTarget[]): RevokeCall[] {
  return targets.map(({ token, spender }) => buildRevoke(token, spender));
}
