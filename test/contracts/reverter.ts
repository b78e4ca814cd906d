import { toUtf8Bytes } from 'ethers/utils';
import { assemble } from './evmAssembler';

/** The revert data Solidity's `require(cond, reason)` produces: `Error(string)`, ABI-encoded. */
const ERROR_SELECTOR = 0x08c379a0n;
/** Enough for any reason a person reads; keeps the runtime small. */
const MAX_REASON_BYTES = 256;

/**
 * A contract whose every call reverts with `Error(reason)`, as a closed airdrop's `claim()` would with
 * `require(open, "Airdrop closed")`: the review must show the reason and block signing. The reason is baked
 * into the bytecode, one MSTORE per 32-byte word of the encoded error.
 */
export function revertingWithReason(reason: string): string {
  const bytes = toUtf8Bytes(reason);
  if (bytes.length === 0 || bytes.length > MAX_REASON_BYTES) {
    throw new Error(`a revert reason has 1 to ${MAX_REASON_BYTES} bytes, not ${bytes.length}`);
  }
  const words = Math.ceil(bytes.length / 32);
  const padded = Buffer.alloc(words * 32);
  padded.set(bytes);
  const chunks = Array.from(
    { length: words },
    (_, i) => `PUSH 0x${padded.subarray(i * 32, (i + 1) * 32).toString('hex')} PUSH ${0x44 + 32 * i} MSTORE`,
  );
  return assemble([
    `PUSH ${ERROR_SELECTOR << 224n} PUSH 0 MSTORE ; the selector, then (offset, length, text) from byte 4`,
    `PUSH 0x20 PUSH 0x04 MSTORE PUSH ${bytes.length} PUSH 0x24 MSTORE`,
    ...chunks,
    `PUSH ${0x44 + 32 * words} PUSH 0 REVERT`,
  ]);
}
