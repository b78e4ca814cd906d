import type { DappApproval, DappRequestDetail, DappReview } from '../../shared/dapps';
import type { Finding } from '../../shared/review';
import { deviceName } from '../devices/deviceNames';
import { canSign } from '../review/findingOrder';
import { consented, NO_CONSENT, type Consents } from '../signing/TypedDataConsents';

/** What the user chose in the sheet before approving. */
export interface Choices {
  /** `connect`: the accounts to expose. */
  accountIds: number[];
  /** A transaction that simulation says reverts, signed anyway. */
  allowRevert: boolean;
  consents: Consents;
}

export const NO_CHOICES: Choices = { accountIds: [], allowRevert: false, consents: NO_CONSENT };

/** The request kinds that are signed on a device, after a review. */
export function needsReview(detail: DappRequestDetail): boolean {
  return ['transaction', 'calls', 'message', 'typed-data'].includes(detail.type);
}

const SITE_FINDINGS: ReadonlySet<Finding['code']> = new Set([
  'site-origin',
  'first-visit-site',
  'look-alike-site',
]);

/** A review's findings without the site's own: the sheet's header shows those once, above every body. */
export function withoutSiteFindings<T extends { findings: Finding[] }>(review: T): T {
  return { ...review, findings: review.findings.filter((f) => !SITE_FINDINGS.has(f.code)) };
}

/** The device that signs, as the review names it; null when the account cannot sign (watch-only). */
export function signerOf(review: DappReview): { kind: 'ledger' | 'trezor' | 'phone'; label: string } | null {
  if (review.type === 'transaction') return review.reviews[0]?.device ?? null;
  if (review.type === 'typed-data') return review.review.device;
  return review.signer.kind === 'watch' ? null : { kind: review.signer.kind, label: review.signer.label };
}

/** Why the request cannot be signed as it stands, in the user's terms; null when it can. */
export function cannotSignReason(review: DappReview): string | null {
  if (review.type === 'transaction') {
    const stopped = review.reviews.find((r) => r.cannotSign !== null);
    if (stopped) return stopped.cannotSign;
  }
  return signerOf(review) ? null : 'This account is watch-only: the wallet holds no key that could sign.';
}

/** The approve button's words: what happens, and for a signature, on which device. */
export function approveLabel(detail: DappRequestDetail, review: DappReview | null): string {
  switch (detail.type) {
    case 'connect':
      return 'Connect';
    case 'switch-chain':
      return 'Switch network';
    case 'add-chain':
      return 'Add network';
    case 'watch-asset':
      return 'Add token';
    default: {
      const signer = review && signerOf(review);
      return signer ? `Sign on ${deviceName(signer)}` : 'Sign';
    }
  }
}

/** Whether Approve may be pressed: the review is in, nothing blocks it, and the user chose what it needs. */
export function canApprove(detail: DappRequestDetail, review: DappReview | null, choices: Choices): boolean {
  switch (detail.type) {
    case 'connect':
      return choices.accountIds.length > 0;
    case 'add-chain':
      // Main checks it again; a network whose RPC answers for another chain would sign for the wrong one.
      return detail.rpcChainId === detail.chainId;
    case 'switch-chain':
    case 'watch-asset':
      return true;
    default:
      if (!review || cannotSignReason(review) !== null) return false;
      if (review.type === 'transaction') return review.reviews.every((r) => canSign(r, choices.allowRevert));
      if (review.type === 'typed-data')
        return !review.review.blocked && consented(review.review, choices.consents);
      return true;
  }
}

/** The answer sent to main: only the fields that apply to the request's kind, as main requires. */
export function approvalOf(id: string, detail: DappRequestDetail, choices: Choices): DappApproval {
  switch (detail.type) {
    case 'connect':
      return { id, accountIds: choices.accountIds };
    case 'transaction':
    case 'calls':
      return { id, allowRevert: choices.allowRevert };
    case 'typed-data':
      return { id, ...choices.consents };
    default:
      return { id };
  }
}
