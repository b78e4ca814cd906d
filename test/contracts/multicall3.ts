import { assemble } from './evmAssembler';

/**
 * The subset of Multicall3 the wallet calls, hand-written for the local chains: `aggregate3`,
 * `getEthBalance`, `getBlockNumber` and `getCurrentBlockTimestamp`, with Multicall3's ABI and semantics
 * (each call gets all remaining gas and no value; a failed call reverts the whole batch unless its
 * `allowFailure` is set). It is not Multicall3's bytecode: only the interface is shared.
 *
 * Stack comments list the stack bottom to top, after the line has run.
 */
export const MULTICALL3_SOURCE = [
  'PUSH 0 CALLDATALOAD PUSH 0xe0 SHR ; [sel]',
  'DUP1 PUSH 0x82ad56cb EQ PUSH @aggregate3 JUMPI',
  'DUP1 PUSH 0x4d2301cc EQ PUSH @getEthBalance JUMPI',
  'DUP1 PUSH 0x42cbb15c EQ PUSH @getBlockNumber JUMPI',
  'DUP1 PUSH 0x0f28c97d EQ PUSH @getCurrentBlockTimestamp JUMPI',
  'fail:',
  'PUSH 0 DUP1 REVERT',

  'getEthBalance:',
  'PUSH 4 CALLDATALOAD BALANCE PUSH @returnWord JUMP',
  'getBlockNumber:',
  'NUMBER PUSH @returnWord JUMP',
  'getCurrentBlockTimestamp:',
  'TIMESTAMP',
  'returnWord: ; [word]',
  'PUSH 0 MSTORE PUSH 0x20 PUSH 0 RETURN',

  // Output is built from memory 0: the array's offset and length, n head offsets, then each
  // (success, 0x40, length, data) tuple. Each call's input is copied to where its tuple's data will go and
  // is overwritten by the return data once the call is done.
  'aggregate3:',
  'PUSH 4 CALLDATALOAD PUSH 4 ADD ; [sel, arr]',
  'DUP1 CALLDATALOAD ; [sel, arr, n]',
  'SWAP1 PUSH 0x20 ADD ; [sel, n, base]',
  'PUSH 0x20 PUSH 0 MSTORE',
  'DUP2 PUSH 0x20 MSTORE',
  'DUP2 PUSH 5 SHL PUSH 0x40 ADD ; [sel, n, base, tail]',
  'PUSH 0 ; [sel, n, base, tail, i]',
  'loop:',
  'DUP4 DUP2 EQ PUSH @done JUMPI',
  'DUP1 PUSH 5 SHL DUP4 ADD CALLDATALOAD DUP4 ADD ; [.. i, t] where t is the Call3 tuple',
  'DUP1 PUSH 0x40 ADD CALLDATALOAD DUP2 ADD ; [.. i, t, p] where p is the callData length word',
  'DUP1 CALLDATALOAD ; [.. i, t, p, len]',
  'DUP1 DUP3 PUSH 0x20 ADD DUP7 PUSH 0x60 ADD CALLDATACOPY',
  'PUSH 0 PUSH 0 DUP3 DUP8 PUSH 0x60 ADD PUSH 0 DUP8 CALLDATALOAD GAS CALL ; [.. i, t, p, len, success]',
  'DUP1 DUP5 PUSH 0x20 ADD CALLDATALOAD OR ISZERO PUSH @fail JUMPI',
  'PUSH 0x40 DUP7 SUB DUP6 PUSH 5 SHL PUSH 0x40 ADD MSTORE ; head[i] = tail - 0x40',
  'DUP6 MSTORE ; [.. i, t, p, len]',
  'PUSH 0x40 DUP6 PUSH 0x20 ADD MSTORE',
  'RETURNDATASIZE DUP6 PUSH 0x40 ADD MSTORE',
  'RETURNDATASIZE PUSH 0 DUP7 PUSH 0x60 ADD RETURNDATACOPY',
  'PUSH 0 RETURNDATASIZE DUP7 PUSH 0x60 ADD ADD MSTORE ; zero the padding the copied input may have left',
  'RETURNDATASIZE PUSH 31 ADD PUSH 31 NOT AND PUSH 0x60 ADD DUP6 ADD ; [.. tail, i, t, p, len, next]',
  'SWAP5 POP POP POP POP ; [sel, n, base, next, i]',
  'PUSH 1 ADD PUSH @loop JUMP',
  'done:',
  'POP PUSH 0 RETURN',
];

export const MULTICALL3_RUNTIME = assemble(MULTICALL3_SOURCE);

export const MULTICALL3_ABI = [
  'function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[] returnData)',
  'function getEthBalance(address addr) view returns (uint256 balance)',
  'function getBlockNumber() view returns (uint256 blockNumber)',
  'function getCurrentBlockTimestamp() view returns (uint256 timestamp)',
] as const;
