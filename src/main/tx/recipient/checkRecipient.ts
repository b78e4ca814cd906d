import type { ChecksumAddress } from '../../store/address';
import { type NamedAddress, type RecipientSource, resolveRecipient } from './resolveRecipient';

export type RecipientWarningCode = 'first-time' | 'contract' | 'poisoning' | 'token-contract' | 'self';

export interface RecipientWarning {
  code: RecipientWarningCode;
  message: string;
}

export interface RecipientContext {
  /** The sending account. */
  from: ChecksumAddress;
  addressBook: readonly NamedAddress[];
  labels: readonly NamedAddress[];
  /** Addresses this account has sent to before. */
  previousRecipients: readonly ChecksumAddress[];
  /** Counterparties in the history, senders included: a poisoner's dust transfer puts its address there. */
  knownAddresses: readonly ChecksumAddress[];
  /** The token being sent, or null for the native coin. */
  tokenAddress: ChecksumAddress | null;
  /** Whether the address has code (eth_getCode non-empty). */
  isContract: (address: ChecksumAddress) => Promise<boolean>;
}

export interface RecipientCheck {
  address: ChecksumAddress;
  resolvedFrom: RecipientSource;
  warnings: RecipientWarning[];
}

/** Throws a RecipientError when the input names no single address; warnings never block, they inform. */
export async function checkRecipient(input: string, context: RecipientContext): Promise<RecipientCheck> {
  const { address, resolvedFrom } = resolveRecipient(input, context.addressBook, context.labels);
  const warnings: RecipientWarning[] = [];
  if (address === context.from) {
    warnings.push({ code: 'self', message: 'This is the sending account itself.' });
  } else if (!context.previousRecipients.includes(address)) {
    warnings.push({ code: 'first-time', message: 'You have not sent to this address before.' });
  }
  const lookalike = context.knownAddresses.find((known) => looksAlike(known, address));
  if (lookalike) {
    warnings.push({
      code: 'poisoning',
      message: `This address starts and ends like ${lookalike} from your history but differs in the middle. Scammers send dust from such lookalikes so that one gets copied; compare every character.`,
    });
  }
  if (address === context.tokenAddress) {
    // The more precise warning of the two: a token is a contract too.
    warnings.push({
      code: 'token-contract',
      message: 'This is the token’s own contract; tokens sent to it are almost always lost.',
    });
  } else if (await context.isContract(address)) {
    warnings.push({
      code: 'contract',
      message: 'This address is a contract; make sure it can receive what you send.',
    });
  }
  return { address, resolvedFrom, warnings };
}

/** Wallets shorten addresses to their first and last few characters, which is all most people compare. */
const SHOWN_HEX_CHARS = 4;

/**
 * Two different addresses with the same first and last four hex characters (case-insensitive). Address
 * poisoners generate such lookalikes of a user's real counterparties, cheaply for eight characters, so a
 * match that differs in the middle is a warning sign, whichever of the two is being sent to.
 */
export function looksAlike(a: string, b: string): boolean {
  const x = a.toLowerCase().slice(2);
  const y = b.toLowerCase().slice(2);
  return (
    x !== y &&
    x.slice(0, SHOWN_HEX_CHARS) === y.slice(0, SHOWN_HEX_CHARS) &&
    x.slice(-SHOWN_HEX_CHARS) === y.slice(-SHOWN_HEX_CHARS)
  );
}
