import type { ChecksumAddress } from '../../store/address';
import { SELECTORS, decodeTwoWordCall } from './erc20Calls';
import { ledgerTokenDescriptor, type LedgerTokenDescriptor } from './ledgerTokens';

export interface LedgerClearTransfer {
  token: LedgerTokenDescriptor;
  recipient: ChecksumAddress;
  amount: bigint;
}

/**
 * An ERC-20 transfer the Ledger Ethereum app shows in clear: `transfer(address,uint256)` and nothing else,
 * no coin sent along (its ERC-20 plugin refuses a value), to a token Ledger has signed a descriptor for on
 * this chain. Anything else is contract data the app signs only blind.
 */
export function ledgerClearTransfer(
  chainId: number,
  transaction: { to: ChecksumAddress | null; value: bigint; data: string },
): LedgerClearTransfer | null {
  if (transaction.to === null || transaction.value !== 0n) return null;
  const call = decodeTwoWordCall(transaction.data, SELECTORS.transfer);
  if (!call) return null;
  const token = ledgerTokenDescriptor(chainId, transaction.to);
  return token && { token, recipient: call.party, amount: call.amount };
}
