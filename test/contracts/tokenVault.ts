import { id } from 'ethers/hash';
import { toBeHex, zeroPadValue } from 'ethers/utils';
import type { RpcCall } from '../anvil/chainSetup';
import { assemble } from './evmAssembler';

/**
 * A vault for the dApp tests' EIP-5792 batch [approve, deposit]: `deposit(amount)` pulls `amount` of its token
 * from the caller with ERC-20 `transferFrom` (so only after the caller approved the vault), adds it to
 * `deposits(caller)` and emits `Deposited(caller, amount)`. Without the approval the pull reverts and the
 * token's revert data is bubbled up. The token lives in slot 0, set with `anvil_setStorageAt` (`vaultSetup`),
 * and deposits in a mapping at slot 1.
 */
export const TOKEN_VAULT_ABI = [
  'function deposit(uint256 amount)',
  'function deposits(address owner) view returns (uint256)',
  'event Deposited(address indexed owner, uint256 amount)',
] as const;

export const TOKEN_VAULT_SLOT = { token: 0n, deposits: 1n } as const;

const selector = (signature: string) => BigInt(id(signature).slice(0, 10));
const ADDRESS_MASK = (1n << 160n) - 1n;
/** [owner] → [slot of its deposit], keccak256(owner . 1). */
const DEPOSIT_SLOT = `PUSH 0 MSTORE PUSH ${TOKEN_VAULT_SLOT.deposits} PUSH 0x20 MSTORE PUSH 0x40 PUSH 0 KECCAK256`;

export const TOKEN_VAULT_SOURCE = [
  'PUSH 0 CALLDATALOAD PUSH 0xe0 SHR',
  `DUP1 PUSH ${selector('deposit(uint256)')} EQ PUSH @deposit JUMPI`,
  `DUP1 PUSH ${selector('deposits(address)')} EQ PUSH @deposits JUMPI`,
  'PUSH 0 DUP1 REVERT',

  'deposit: ; transferFrom(caller, this, amount) on the token, its arguments at 0x04, 0x24, 0x44',
  `PUSH ${selector('transferFrom(address,address,uint256)') << 224n} PUSH 0 MSTORE`,
  'CALLER PUSH 0x04 MSTORE ADDRESS PUSH 0x24 MSTORE PUSH 0x04 CALLDATALOAD PUSH 0x44 MSTORE',
  `PUSH 0x20 PUSH 0 PUSH 0x64 PUSH 0 PUSH 0 PUSH ${TOKEN_VAULT_SLOT.token} SLOAD GAS CALL`,
  'ISZERO PUSH @bubble JUMPI',
  '; a token that answers false instead of reverting has not paid either',
  'PUSH 0 MLOAD ISZERO PUSH @bubble JUMPI',
  `CALLER ${DEPOSIT_SLOT} DUP1 SLOAD PUSH 0x04 CALLDATALOAD ADD SWAP1 SSTORE`,
  `PUSH 0x04 CALLDATALOAD PUSH 0 MSTORE CALLER PUSH ${id('Deposited(address,uint256)')} PUSH 0x20 PUSH 0 LOG2`,
  'STOP',

  'deposits:',
  `PUSH 0x04 CALLDATALOAD PUSH ${ADDRESS_MASK} AND ${DEPOSIT_SLOT} SLOAD`,
  'PUSH 0 MSTORE PUSH 0x20 PUSH 0 RETURN',

  'bubble:',
  'RETURNDATASIZE PUSH 0 DUP1 RETURNDATACOPY RETURNDATASIZE PUSH 0 REVERT',
];

export const TOKEN_VAULT_RUNTIME = assemble(TOKEN_VAULT_SOURCE);

/** The calls that place a vault for `token` at `address`: batch them with other set-up. */
export function tokenVaultSetup(address: string, token: string): RpcCall[] {
  return [
    ['anvil_setCode', [address, TOKEN_VAULT_RUNTIME]],
    ['anvil_setStorageAt', [address, toBeHex(TOKEN_VAULT_SLOT.token, 32), zeroPadValue(token, 32)]],
  ];
}
