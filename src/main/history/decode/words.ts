import { toChecksumAddress, type ChecksumAddress } from '../../store/address';

export const ZERO_ADDRESS = toChecksumAddress(`0x${'0'.repeat(40)}`);

/** The address in the low 20 bytes of a 32-byte word (an indexed address topic, or a bytes32 address). */
export function wordToAddress(word: string): ChecksumAddress {
  return toChecksumAddress(`0x${word.slice(-40)}`);
}

/** Whether a 32-byte word holds an address (its upper 12 bytes are zero), as Across's bytes32 fields may not. */
export function isAddressWord(word: string): boolean {
  return /^0x0{24}[0-9a-fA-F]{40}$/.test(word);
}

export function sameAddress(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && a.toLowerCase() === b.toLowerCase();
}
