import { shortAddress } from '../../../shared/format/shortAddress';
import { ChecksumAddress } from '../../store/address';

export interface NamedAddress {
  name: string;
  address: ChecksumAddress;
}

export type RecipientSource = 'address' | 'account' | 'address-book' | 'label';

/** Everything the user has named: their own accounts (by label), the address book, general labels. */
export interface RecipientNames {
  accounts: readonly { label: string; address: ChecksumAddress }[];
  addressBook: readonly NamedAddress[];
  labels: readonly NamedAddress[];
}

export type RecipientErrorCode = 'invalid-address' | 'unknown-name' | 'ambiguous-name';

/** Its message is written for the person typing into the To field. */
export class RecipientError extends Error {
  constructor(
    readonly code: RecipientErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RecipientError';
  }
}

/** How each source reads in an error listing the choices. */
const SOURCE_WORDS: Record<Exclude<RecipientSource, 'address'>, string> = {
  account: 'your account',
  'address-book': 'your address book',
  label: 'your labels',
};

/** Names shown back to the user are cut, so a pasted essay cannot fill the error. */
const SHOWN_NAME = 50;

/**
 * Turns what was typed into an address. Anything starting with 0x that nothing is named is read as an
 * address: mixed case must match its EIP-55 checksum (a wrong one means a mistyped character), one case
 * is accepted and checksummed. A name must match one of the user's accounts, an address-book entry or a
 * label exactly (after trimming the ends): a close match could be someone else, and a payment is not the
 * place to guess. A name that stands for more than one address is refused with every choice listed.
 */
export function resolveRecipient(
  input: string,
  names: RecipientNames,
): { address: ChecksumAddress; resolvedFrom: RecipientSource } {
  const text = input.trim();
  const named = (entries: readonly NamedAddress[], from: Exclude<RecipientSource, 'address'>) =>
    entries.filter((entry) => entry.name.trim() === text).map((entry) => ({ ...entry, from }));
  const matches = [
    ...named(
      names.accounts.map(({ label, address }) => ({ name: label, address })),
      'account',
    ),
    ...named(names.addressBook, 'address-book'),
    ...named(names.labels, 'label'),
  ];
  const [first] = matches;
  if (first && text !== '') {
    const addresses = new Set(matches.map((match) => match.address));
    if (addresses.size > 1) {
      const choices = [...addresses].map((address) => {
        const from = [
          ...new Set(matches.filter((m) => m.address === address).map((m) => SOURCE_WORDS[m.from])),
        ];
        return `${shortAddress(address)} (${from.join(', ')})`;
      });
      throw new RecipientError(
        'ambiguous-name',
        `"${text.slice(0, SHOWN_NAME)}" names ${addresses.size} different addresses: ${choices.join('; ')}. Paste the address you mean.`,
      );
    }
    return { address: first.address, resolvedFrom: first.from };
  }
  if (!/^0x/i.test(text)) {
    throw new RecipientError(
      'unknown-name',
      `None of your accounts, address-book entries or labels is named "${text.slice(0, SHOWN_NAME)}".`,
    );
  }
  const parsed = ChecksumAddress.safeParse(text);
  if (!parsed.success) {
    throw new RecipientError('invalid-address', parsed.error.issues[0]?.message ?? 'This is not an address.');
  }
  return { address: parsed.data, resolvedFrom: 'address' };
}
