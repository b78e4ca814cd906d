import { ChecksumAddress } from '../../store/address';

export interface NamedAddress {
  name: string;
  address: ChecksumAddress;
}

export type RecipientSource = 'address' | 'address-book' | 'label';

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

/**
 * Turns what was typed into an address. Anything starting with 0x that no entry is named is read as an
 * address: mixed case must match its EIP-55 checksum (a wrong one means a mistyped character), one case
 * is accepted and checksummed. A name must match an address-book entry or a label exactly (after trimming
 * the ends): a close match could be someone else, and a payment is not the place to guess.
 */
export function resolveRecipient(
  input: string,
  addressBook: readonly NamedAddress[],
  labels: readonly NamedAddress[],
): { address: ChecksumAddress; resolvedFrom: RecipientSource } {
  const text = input.trim();
  const matches = [
    ...addressBook
      .filter((entry) => entry.name === text)
      .map((entry) => ({ ...entry, from: 'address-book' as const })),
    ...labels.filter((entry) => entry.name === text).map((entry) => ({ ...entry, from: 'label' as const })),
  ];
  const [first] = matches;
  if (first) {
    if (matches.some((match) => match.address !== first.address)) {
      throw new RecipientError(
        'ambiguous-name',
        `"${text}" names ${new Set(matches.map((match) => match.address)).size} different addresses; paste the address instead.`,
      );
    }
    return { address: first.address, resolvedFrom: first.from };
  }
  if (!/^0x/i.test(text)) {
    throw new RecipientError(
      'unknown-name',
      `No address-book entry or label is named "${text.slice(0, 50)}".`,
    );
  }
  const parsed = ChecksumAddress.safeParse(text);
  if (!parsed.success) {
    throw new RecipientError('invalid-address', parsed.error.issues[0]?.message ?? 'This is not an address.');
  }
  return { address: parsed.data, resolvedFrom: 'address' };
}
