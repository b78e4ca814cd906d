import { getAddress } from 'ethers/address';
import { z } from 'zod';
import { StoreError } from './storeError';

/**
 * An EIP-55 checksummed address. Only `toChecksumAddress` makes one, so a repository that takes this type
 * knows the address was checked once at the boundary and does not pay for a keccak per row again.
 */
export type ChecksumAddress = string & { readonly __brand: 'ChecksumAddress' };

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** Throws a StoreError that says whether the text is not an address at all or a mistyped one. */
export function toChecksumAddress(input: string): ChecksumAddress {
  const parsed = parseAddress(input);
  if ('problem' in parsed) throw new StoreError('invalid_request', parsed.problem);
  return parsed.address;
}

/** The boundary parser (IPC payloads, backup files, sync): accepts any case, yields the checksummed form. */
export const ChecksumAddress = z.string().transform((input, ctx): ChecksumAddress => {
  const parsed = parseAddress(input);
  if ('address' in parsed) return parsed.address;
  ctx.addIssue({ code: 'custom', message: parsed.problem });
  return z.NEVER;
});

function parseAddress(input: string): { address: ChecksumAddress } | { problem: string } {
  // getAddress also accepts ICAP ("XE…") strings, which no user of this wallet means.
  if (!HEX_ADDRESS.test(input)) {
    return { problem: `"${input.slice(0, 50)}" is not an address (0x and 40 hex characters).` };
  }
  try {
    return { address: getAddress(input) as ChecksumAddress };
  } catch {
    // Only mixed-case input can fail here: its capitalisation is an EIP-55 checksum that does not match.
    return { problem: `${input} has a checksum error; a character was probably mistyped.` };
  }
}
