import { AbiCoder } from 'ethers/abi';
import { id } from 'ethers/hash';
import { assemble } from '../contracts/evmAssembler';

/**
 * Runtime code that reverts every call with `Error(reason)`, as Solidity's `require(false, reason)` does:
 * the encoded revert data is written to memory a word at a time, then returned by REVERT.
 */
export function revertingWithReason(reason: string): string {
  const data = `${id('Error(string)').slice(2, 10)}${AbiCoder.defaultAbiCoder().encode(['string'], [reason]).slice(2)}`;
  const padded = data.padEnd(Math.ceil(data.length / 64) * 64, '0');
  const stores = Array.from(
    { length: padded.length / 64 },
    (_, i) => `PUSH 0x${padded.slice(i * 64, i * 64 + 64)} PUSH ${i * 32} MSTORE`,
  );
  return assemble([...stores, `PUSH ${data.length / 2} PUSH0 REVERT`]);
}
