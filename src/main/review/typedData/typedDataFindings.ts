import type { Finding, Party } from '../../../shared/review';
import { finding } from '../findings/finding';
import { partyName } from '../parties';
import { dateText, listText } from './typedDataWords';

const YEAR = 365 * 24 * 60 * 60;

/** A signature past its deadline is refused by its contract: signing it gives nothing away, and does nothing. */
export function expiredDeadline(usableUntil: number | null, now: number): Finding | null {
  if (usableUntil === null || usableUntil >= now) return null;
  return finding(
    'expired-deadline',
    'info',
    `This signature expired on ${dateText(usableUntil)}: its contract will refuse it, so signing it does ` +
      'nothing. The site may be out of date; reload it if you expected this to work.',
    { facts: [{ label: 'Deadline', value: `${dateText(usableUntil)} (${usableUntil})` }] },
  );
}

/** What a signature grants for more than a year (or forever) can be used long after the user forgot it. */
export function longDeadline(lastsUntil: number | null, now: number): Finding | null {
  if (lastsUntil !== null && lastsUntil <= now + YEAR) return null;
  const when =
    lastsUntil === null ? 'never expires' : `lasts until ${dateText(lastsUntil)}, more than a year from now`;
  return finding(
    'long-deadline',
    'warning',
    `What this signature allows ${when}: anyone holding it can use it all that time. Apps that need it ` +
      'once ask for minutes or days.',
    {
      facts:
        lastsUntil === null ? [] : [{ label: 'Until', value: `${dateText(lastsUntil)} (${lastsUntil})` }],
    },
  );
}

/**
 * A Permit2 transfer permit for the uint160 maximum: the spender may take the whole balance in one go. It
 * is not a standing allowance, so the unlimited-approval sentence for approvals would misstate it.
 */
export function unlimitedTransfer(grant: {
  token: Party;
  spender: Party;
  amount: { unlimited: boolean };
}): Finding | null {
  if (!grant.amount.unlimited) return null;
  return finding(
    'unlimited-approval',
    'warning',
    `This lets ${partyName(grant.spender)} take all of your ${partyName(grant.token)} in one transfer, whatever ` +
      'the balance then is. A site that needs a set amount asks for that amount.',
    { facts: [{ label: 'Spender', value: grant.spender.address }] },
  );
}

/**
 * A marketplace order hands assets to whoever fills it. With nothing coming back to the signer it is how
 * "free listing" drainers take NFTs: blocking, and signed only after the user says so.
 */
export function handsOverAssets(
  given: readonly string[],
  received: readonly string[],
  toOthers: number,
): Finding | null {
  if (given.length === 0) return null;
  const others =
    toOthers === 0 ? '' : ` ${toOthers === 1 ? 'One payment goes' : `${toOthers} payments go`} to others.`;
  if (received.length === 0) {
    return finding(
      'hands-over-assets',
      'blocking',
      `This order hands over ${listText(given)} and you receive nothing in return.${others} Sign it only if you ` +
        'mean to give these away.',
      { overridable: true },
    );
  }
  return finding(
    'hands-over-assets',
    'warning',
    `This order hands over ${listText(given)} to whoever fills it, for ${listText(received)} to you.${others}`,
  );
}

/**
 * An EIP-7702 authorization makes the account run the delegate's code: the delegate can then do anything the
 * account can. Chain 0 makes it valid on every chain.
 */
export function delegationAuthorization(delegate: Party, chainId: bigint): Finding {
  const everywhere = chainId === 0n ? ' It is valid on every chain, not only this one.' : '';
  return finding(
    'delegated-sender',
    'warning',
    `Signing this replaces your account's code with ${partyName(delegate)}'s: that contract can then move every ` +
      `asset of this account, without asking you again.${everywhere} Sign it only for a wallet upgrade you started.`,
    { facts: [{ label: 'Delegate', value: delegate.address }] },
  );
}
