import type { Party } from '../../../shared/review';
import { partyName } from '../parties';
import type { DecodedTypedData } from './decoded';
import { ZERO_ADDRESS } from './decoded';
import type { NamedGrant } from './typedDataGrants';
import { clip, listText, untilText } from './typedDataWords';

/** TypedDataReview.summary's bound. */
const MAX_SUMMARY_LENGTH = 300;

export interface SummaryInput {
  decoded: DecodedTypedData | null;
  grants: readonly NamedGrant[];
  receives: readonly NamedGrant[];
  delegate: Party | null;
  primaryType: string;
  /** The domain's name, else its contract: who the request says it is for. */
  app: string;
}

/**
 * What the signature allows in one line: "Allow Uniswap Router to spend unlimited USDC until 5 Jan 2027",
 * "Allow … to spend 25 USDC once, until …", "Hand over 1 BAYC #42 and receive nothing back".
 */
export function typedDataSummary(input: SummaryInput): string {
  return clip(describe(input), MAX_SUMMARY_LENGTH);
}

function describe({ decoded, grants, receives, delegate, primaryType, app }: SummaryInput): string {
  if (!decoded) return `Sign ${primaryType} for ${app}`;
  const texts = grants.map((named) => named.text);
  const spender = grants[0] ? partyName(grants[0].grant.spender) : app;
  switch (decoded.kind) {
    case 'eip2612-permit':
    case 'dai-permit':
    case 'permit2-single':
    case 'permit2-batch': {
      if (grants.every((named) => named.grant.amount.value === '0')) {
        return `Remove ${spender}'s permission to spend ${listText(grants.map((named) => named.grant.amount.symbol))}`;
      }
      const allow = `Allow ${spender} to spend ${listText(texts)}`;
      // An ERC-20 allowance has no end, as with approve(); its permit's deadline only limits the signature.
      return decoded.kind.startsWith('permit2')
        ? `${allow} ${untilText(decoded.deadline?.lastsUntil ?? null)}`
        : allow;
    }
    case 'permit2-transfer':
    case 'permit2-batch-transfer':
      return `Allow ${spender} to spend ${listText(texts)} once, ${untilText(decoded.deadline?.usableUntil ?? null)}`;
    case 'seaport-order':
      if (receives.length === 0) return `Hand over ${listText(texts)} and receive nothing back`;
      return `Hand over ${listText(texts)} for ${listText(receives.map((named) => named.text))}, ${untilText(decoded.deadline?.usableUntil ?? null)}`;
    case 'eip7702-authorization':
      if (!delegate || delegate.address === ZERO_ADDRESS) return "Clear this account's EIP-7702 delegation";
      return `Let ${partyName(delegate)} run as this account${decoded.delegation?.chainId === 0n ? ' on every chain' : ''}`;
  }
}
