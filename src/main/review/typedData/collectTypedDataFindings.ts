import type { Finding, Party } from '../../../shared/review';
import { chainName } from '../../../shared/chains/chainName';
import { approvalToNoCode } from '../findings/approvalToNoCode';
import { chainMismatch } from '../findings/chainMismatch';
import { missingChainId } from '../findings/missingChainId';
import { unlimitedApproval } from '../findings/unlimitedApproval';
import type { ChecksumAddress } from '../../store/address';
import { type DecodedTypedData, ZERO_ADDRESS } from './decoded';
import type { NamedGrant } from './typedDataGrants';
import {
  delegationAuthorization,
  expiredDeadline,
  handsOverAssets,
  longDeadline,
  unlimitedTransfer,
} from './typedDataFindings';

/** TypedDataReview.findings' bound. */
const MAX_FINDINGS = 30;
const SEVERITY_ORDER: Record<Finding['severity'], number> = { blocking: 0, warning: 1, info: 2 };

export interface TypedDataFacts {
  decoded: DecodedTypedData | null;
  domainChainId: number | null;
  activeChainId: number;
  grants: readonly NamedGrant[];
  receives: readonly NamedGrant[];
  /** Consideration items that go to someone other than the signer. */
  paidToOthers: number;
  delegate: Party | null;
  hasCode: (address: ChecksumAddress) => boolean | null;
  now: number;
}

/**
 * Every finding of a typed-data request, blocking first, each sentence once, at most 30. The findings about
 * the request as a whole are always kept, so a batch of 100 tokens can cut only its own per-token sentences.
 */
export function collectTypedDataFindings(facts: TypedDataFacts): Finding[] {
  const general = unique([
    ...chainFindings(facts),
    ...deadlineFindings(facts.decoded, facts.now),
    ...assetFindings(facts),
  ]);
  const perGrant = unique(grantFindings(facts)).slice(0, Math.max(0, MAX_FINDINGS - general.length));
  return [...perGrant, ...general].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function chainFindings({ decoded, domainChainId, activeChainId }: TypedDataFacts): (Finding | null)[] {
  const found = [
    domainChainId === null ? null : chainMismatch(domainChainId, activeChainId, chainName),
    missingChainId(domainChainId),
  ];
  // An authorization's own chain binds it, whatever the domain says; 0 is every chain (its finding says so).
  const chain = decoded?.delegation?.chainId ?? 0n;
  if (chain > 0n && chain <= BigInt(Number.MAX_SAFE_INTEGER)) {
    found.push(chainMismatch(Number(chain), activeChainId, chainName));
  }
  return found;
}

function deadlineFindings(decoded: DecodedTypedData | null, now: number): (Finding | null)[] {
  if (!decoded?.deadline) return [];
  return [expiredDeadline(decoded.deadline.usableUntil, now), longDeadline(decoded.deadline.lastsUntil, now)];
}

/** What an order hands over, and whose code an authorization would run. */
function assetFindings({
  decoded,
  grants,
  receives,
  paidToOthers,
  delegate,
}: TypedDataFacts): (Finding | null)[] {
  const found: (Finding | null)[] = [];
  if (decoded?.kind === 'seaport-order') {
    const given = grants.map((named) => named.text);
    found.push(
      handsOverAssets(
        given,
        receives.map((named) => named.text),
        paidToOthers,
      ),
    );
  }
  const delegation = decoded?.delegation;
  if (delegation && delegate && delegation.address !== ZERO_ADDRESS) {
    found.push(delegationAuthorization(delegate, delegation.chainId));
  }
  return found;
}

/** Per permitted token: no limit, and a spender that is not a contract. An order's marketplace is neither. */
function grantFindings({ decoded, grants, hasCode }: TypedDataFacts): (Finding | null)[] {
  if (!decoded || decoded.kind === 'seaport-order') return [];
  const once = decoded.kind === 'permit2-transfer' || decoded.kind === 'permit2-batch-transfer';
  return grants.flatMap(({ grant, move }) => [
    once ? unlimitedTransfer(grant) : unlimitedApproval(grant),
    approvalToNoCode(grant.spender, hasCode(move.spender)),
  ]);
}

/** A batch of one spender and many tokens repeats a sentence; the user reads it once. */
function unique(found: readonly (Finding | null)[]): Finding[] {
  const seen = new Set<string>();
  return found.filter((item): item is Finding => {
    if (!item || seen.has(`${item.code}:${item.message}`)) return false;
    seen.add(`${item.code}:${item.message}`);
    return true;
  });
}
