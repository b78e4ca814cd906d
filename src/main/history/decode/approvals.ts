import { id } from 'ethers/hash';
import { toBigInt } from 'ethers/utils';
import type { ChecksumAddress } from '../../store/address';
import type { DecodedApproval } from '../activity';
import type { RawTransaction } from '../rawTransaction';
import { sameAddress, wordToAddress } from './words';

const APPROVAL_TOPIC = id('Approval(address,address,uint256)');
const APPROVAL_FOR_ALL_TOPIC = id('ApprovalForAll(address,address,bool)');
const MAX_UINT256 = (1n << 256n) - 1n;

/** Above 2^255 no token supply can be spent down, so wallets that approve "almost max" mean unlimited too. */
export function isUnlimited(amount: bigint): boolean {
  return amount === MAX_UINT256 || amount > 1n << 255n;
}

/**
 * The allowance the account itself set in this transaction: an ERC-20 Approval (three topics; ERC-721's
 * per-token Approval has four and is reset by every transfer, so it is not one) or an ApprovalForAll, owned
 * by the account, emitted by the contract the account called directly. Approvals a call caused on the side (a
 * router's transferFrom lowering the allowance) are not the account's act. The last one wins.
 */
export function decodeApproval(tx: RawTransaction, account: ChecksumAddress): DecodedApproval | null {
  if (tx.status === 'failed' || !sameAddress(tx.from, account) || !tx.to) return null;
  let found: DecodedApproval | null = null;
  for (const log of tx.logs) {
    const [topic, owner, spender, extra] = log.topics;
    if (!owner || !spender || extra !== undefined || !sameAddress(wordToAddress(owner), account)) continue;
    if (log.data.length !== 66 || !sameAddress(log.address, tx.to)) continue;
    if (topic === APPROVAL_TOPIC) {
      const amount = toBigInt(log.data);
      found = { token: log.address, spender: wordToAddress(spender), amount, unlimited: isUnlimited(amount) };
    } else if (topic === APPROVAL_FOR_ALL_TOPIC) {
      const approved = toBigInt(log.data) !== 0n;
      const amount = approved ? MAX_UINT256 : 0n;
      found = { token: log.address, spender: wordToAddress(spender), amount, unlimited: approved };
    }
  }
  return found;
}
