import { AbiCoder, dataSlice } from 'ethers';

const ERROR_STRING = '0x08c379a0';
const PANIC = '0x4e487b71';

/** Solidity's panic codes, as its documentation lists them. */
const PANICS: Record<number, string> = {
  0x01: 'an assertion failed',
  0x11: 'an arithmetic overflow or underflow',
  0x12: 'a division by zero',
  0x21: 'an invalid enum value',
  0x31: 'a pop from an empty array',
  0x32: 'an array index out of bounds',
  0x41: 'too much memory allocated',
  0x51: 'a call to an uninitialised function',
};

/**
 * Why a call reverted, in words: the contract's `Error(string)` message, a `Panic(uint256)` explained, or a
 * custom error named by its selector. `data` is the node's JSON-RPC error data (the revert bytes).
 */
export function revertReason(data: unknown): string {
  if (typeof data !== 'string' || !/^0x(?:[0-9a-fA-F]{2})*$/.test(data))
    return 'The contract reverted without a reason.';
  if (data === '0x') return 'The contract reverted without a reason.';
  const selector = dataSlice(data, 0, 4).toLowerCase();
  try {
    if (selector === ERROR_STRING) {
      const [message] = AbiCoder.defaultAbiCoder().decode(['string'], dataSlice(data, 4));
      return `The contract reverted: ${String(message).slice(0, 300)}`;
    }
    if (selector === PANIC) {
      const [code] = AbiCoder.defaultAbiCoder().decode(['uint256'], dataSlice(data, 4));
      const panic = Number(code);
      return `The contract panicked: ${PANICS[panic] ?? `code 0x${panic.toString(16)}`}.`;
    }
  } catch {
    return `The contract reverted with data that does not decode (${selector}).`;
  }
  return `The contract reverted with the custom error ${selector}.`;
}
