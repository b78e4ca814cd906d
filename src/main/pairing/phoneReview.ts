import { getAddress, keccak256 } from 'ethers';
import type { ReviewAction, TxReview } from '../../shared/review';
import { type PhoneReview, REVIEW_TEXT_FORBIDDEN } from '../../shared/pairing/phoneReview';

/**
 * The part of a review the phone shows, in the desktop's own words, with the transaction it was written for
 * and the decoded party and amount the phone checks against its own decoding (docs/PROTOCOL.md section 12).
 */
export function phoneReview(review: TxReview): PhoneReview {
  const { simulation, transaction } = review;
  return {
    summary: plain(review.summary),
    blocked: review.blocked,
    findings: review.findings.map(({ code, severity, message }) => ({
      code,
      severity,
      message: plain(message),
    })),
    balanceChanges: simulation.balanceChanges
      .filter((change) => BigInt(change.delta) !== 0n)
      .map(({ account, asset, delta }) => ({
        account: { address: getAddress(account.address), name: account.name && plain(account.name) },
        symbol: plain(asset.symbol),
        decimals: asset.decimals,
        delta: units(delta),
        tokenId: asset.tokenId,
      })),
    gasUsed: simulation.gasUsed === null ? null : units(simulation.gasUsed),
    simulation: simulation.status,
    note: simulation.note && plain(simulation.note),
    reviewed: {
      chainId: review.chainId,
      to: transaction.to && getAddress(transaction.to),
      value: units(transaction.value),
      nonce: transaction.nonce,
      dataHash: keccak256(transaction.data),
    },
    action: review.action.type,
    ...claims(review.action),
  };
}

/** Who receives, may spend or may take, and how much of a token: what the phone can decode itself. */
function claims(action: ReviewAction): Pick<PhoneReview, 'counterparty' | 'tokenAmount'> {
  switch (action.type) {
    case 'native-transfer':
      return { counterparty: getAddress(action.to.address), tokenAmount: null };
    case 'token-transfer':
      return { counterparty: getAddress(action.to.address), tokenAmount: units(action.amount.value) };
    case 'approval':
      return { counterparty: getAddress(action.spender.address), tokenAmount: units(action.amount.value) };
    case 'approval-for-all':
      return { counterparty: getAddress(action.operator.address), tokenAmount: null };
    case 'contract-call':
    case 'cancel':
      return { counterparty: null, tokenAmount: null };
  }
}

/** One spelling per number: the phone's schema refuses leading zeros. */
function units(value: string): string {
  return BigInt(value).toString();
}

/** The phone refuses controls and invisible direction marks; the desktop replaces them where the eye sees them. */
function plain(text: string): string {
  return text.replace(REVIEW_TEXT_FORBIDDEN, '\uFFFD');
}
