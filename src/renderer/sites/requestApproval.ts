import type { DappApproval, DappRequestDetail, DappReview } from '../../shared/dapps';
import type { Finding } from '../../shared/review';
import { deviceName } from '../devices/deviceNames';
import { canSign, overridable } from '../review/findingOrder';
import { consented, NO_CONSENT, type Consents } from '../signing/TypedDataConsents';

/** What the user chose in the sheet before approving. */
export interface Choices {
  /** `connect` and `session`: the accounts to expose. */
  accountIds: number[];
  /** `session`: the optional networks granted beside the required ones. */
  optionalChainIds: number[];
  /** Past an overridable blocking finding: a transaction that reverts, or a dApp Verify lists as a threat. */
  allowRevert: boolean;
  consents: Consents;
}

export const NO_CHOICES: Choices = {
  accountIds: [],
  optionalChainIds: [],
  allowRevert: false,
  consents: NO_CONSENT,
};

/** The request kinds that are signed on a device, after a review. */
export function needsReview(detail: DappRequestDetail): boolean {
  return ['transaction', 'calls', 'message', 'typed-data'].includes(detail.type);
}

const SITE_FINDINGS: ReadonlySet<Finding['code']> = new Set([
  'site-origin',
  'first-visit-site',
  'look-alike-site',
  'dapp-unverified',
  'dapp-domain-mismatch',
  'dapp-known-threat',
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

/** A session's networks: every required one, then the optional ones the user ticked, in the dApp's order. */
export function sessionChains(
  detail: Extract<DappRequestDetail, { type: 'session' }>,
  choices: Choices,
): number[] {
  const optional = detail.optionalChainIds.filter(
    (id) => choices.optionalChainIds.includes(id) && !detail.requiredChainIds.includes(id),
  );
  return [...new Set(detail.requiredChainIds), ...new Set(optional)];
}

/** The approve button's words: what happens, and for a signature, on which device. */
export function approveLabel(detail: DappRequestDetail, review: DappReview | null): string {
  switch (detail.type) {
    case 'connect':
    case 'session':
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

/**
 * Whether Approve may be pressed: the review is in, nothing blocks it, and the user chose what it needs. A
 * blocking finding about the site itself (a dApp Verify lists as a threat) holds every kind until the user
 * says to go on.
 */
export function canApprove(
  detail: DappRequestDetail,
  review: DappReview | null,
  choices: Choices,
  siteFindings: readonly Finding[] = [],
): boolean {
  if (overridable(siteFindings) && !choices.allowRevert) return false;
  switch (detail.type) {
    case 'connect':
      return choices.accountIds.length > 0;
    case 'session':
      return choices.accountIds.length > 0 && sessionChains(detail, choices).length > 0;
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
        return canSign(review.review, choices.allowRevert) && consented(review.review, choices.consents);
      return true;
  }
}

/**
 * The answer sent to main: only the fields that apply to the request's kind, as main requires, and the user's
 * "go on" past a blocking finding about the site when there is one.
 */
export function approvalOf(
  id: string,
  detail: DappRequestDetail,
  choices: Choices,
  siteFindings: readonly Finding[] = [],
): DappApproval {
  const answer = approvalFields(id, detail, choices);
  return overridable(siteFindings) && choices.allowRevert ? { ...answer, allowRevert: true } : answer;
}

function approvalFields(id: string, detail: DappRequestDetail, choices: Choices): DappApproval {
  switch (detail.type) {
    case 'connect':
      return { id, accountIds: choices.accountIds };
    case 'session':
      return { id, accountIds: choices.accountIds, chainIds: sessionChains(detail, choices) };
    case 'transaction':
    case 'calls':
      return { id, allowRevert: choices.allowRevert };
    case 'typed-data':
      return { id, ...choices.consents };
    default:
      return { id };
  }
}
