import type { NameSource, Party } from '../../shared/review';
import { shortAddress } from '../../shared/format/shortAddress';
import { CopyButton } from '../controls/CopyButton';
import './review.css';

/** Where a name came from, so the user can weigh it: their own label counts for more than a token list. */
export const SOURCE_WORDS: Record<Exclude<NameSource, 'none'>, string> = {
  'address-book': 'your address book',
  label: 'your labels',
  account: 'your account',
  'token-list': 'token list',
  'known-contract': 'known contract',
};

/** A party by its name and where that comes from, with the short address; the full one on hover and copy. */
export function PartyName({ party }: { party: Party }) {
  const source = party.source === 'none' ? null : SOURCE_WORDS[party.source];
  // A bare address is shown whole: with no name to go by, the user compares every character.
  const named = party.name !== null && source !== null;
  return (
    <span className="review-party">
      {named && (
        <>
          <span className="review-party__name">{party.name}</span>
          <span className="review-party__source">({source})</span>
        </>
      )}
      <code className="review-party__address" title={party.address}>
        {named ? shortAddress(party.address) : party.address}
      </code>
      <CopyButton text={party.address} label={`address ${party.address}`} />
    </span>
  );
}
