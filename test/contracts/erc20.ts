import { AbiCoder } from 'ethers/abi';
import { keccak256 } from 'ethers/crypto';
import { toUtf8Bytes } from 'ethers/utils';
import { assemble } from './evmAssembler';

/**
 * A minimal ERC-20 for the local chains: `balanceOf`, `totalSupply`, `name`, `symbol`, `decimals`,
 * `transfer` and `transferFrom` (with the Transfer event), `approve` (with the Approval event) and
 * `allowance`, hand-written in EVM assembly. Its storage follows OpenZeppelin's ERC20 layout (balances
 * mapping at slot 0, allowances at 1, total supply at 2, name at 3, symbol at 4, as Solidity short strings)
 * plus decimals at slot 5, so a test sets a token up with `anvil_setCode` and `anvil_setStorageAt` and every
 * instance shares one bytecode. As in OpenZeppelin, an allowance of the maximum uint256 is never spent down.
 */
const SLOT = { balances: 0n, allowances: 1n, totalSupply: 2n, name: 3n, symbol: 4n, decimals: 5n } as const;
const ADDRESS_MASK = (1n << 160n) - 1n;
const MAX_UINT256 = (1n << 256n) - 1n;
const TRANSFER_TOPIC = keccak256(toUtf8Bytes('Transfer(address,address,uint256)'));
const APPROVAL_TOPIC = keccak256(toUtf8Bytes('Approval(address,address,uint256)'));

/** [address] → [slot of its balance], the Solidity mapping slot keccak256(address . 0). */
const BALANCE_SLOT = `PUSH 0 MSTORE PUSH ${SLOT.balances} PUSH 0x20 MSTORE PUSH 0x40 PUSH 0 KECCAK256`;
/** [spender, owner] → [slot of the allowance], keccak256(spender . keccak256(owner . 1)). */
const ALLOWANCE_SLOT = [
  `PUSH 0 MSTORE PUSH ${SLOT.allowances} PUSH 0x20 MSTORE PUSH 0x40 PUSH 0 KECCAK256`,
  'PUSH 0x20 MSTORE PUSH 0 MSTORE PUSH 0x40 PUSH 0 KECCAK256',
].join(' ');
const ADDRESS_ARG = (offset: number) => `PUSH ${offset} CALLDATALOAD PUSH ${ADDRESS_MASK} AND`;

export const ERC20_SOURCE = [
  'PUSH 0 CALLDATALOAD PUSH 0xe0 SHR ; [sel]',
  'DUP1 PUSH 0x70a08231 EQ PUSH @balanceOf JUMPI',
  'DUP1 PUSH 0xa9059cbb EQ PUSH @transfer JUMPI',
  'DUP1 PUSH 0x18160ddd EQ PUSH @totalSupply JUMPI',
  'DUP1 PUSH 0x313ce567 EQ PUSH @decimals JUMPI',
  'DUP1 PUSH 0x06fdde03 EQ PUSH @name JUMPI',
  'DUP1 PUSH 0x95d89b41 EQ PUSH @symbol JUMPI',
  'DUP1 PUSH 0x095ea7b3 EQ PUSH @approve JUMPI',
  'DUP1 PUSH 0xdd62ed3e EQ PUSH @allowance JUMPI',
  'DUP1 PUSH 0x23b872dd EQ PUSH @transferFrom JUMPI',
  'fail:',
  'PUSH 0 DUP1 REVERT',

  'balanceOf:',
  `PUSH 4 CALLDATALOAD PUSH ${ADDRESS_MASK} AND ${BALANCE_SLOT} SLOAD PUSH @returnWord JUMP`,
  'totalSupply:',
  `PUSH ${SLOT.totalSupply} SLOAD PUSH @returnWord JUMP`,
  'decimals:',
  `PUSH ${SLOT.decimals} SLOAD PUSH @returnWord JUMP`,

  'allowance:',
  `${ADDRESS_ARG(0x24)} ${ADDRESS_ARG(4)} ${ALLOWANCE_SLOT} SLOAD PUSH @returnWord JUMP`,

  'approve:',
  `PUSH 0x24 CALLDATALOAD ${ADDRESS_ARG(4)} ; [amount, spender]`,
  `DUP1 CALLER ${ALLOWANCE_SLOT} DUP3 SWAP1 SSTORE`,
  `DUP2 PUSH 0 MSTORE CALLER PUSH ${APPROVAL_TOPIC} PUSH 0x20 PUSH 0 LOG3 ; [amount]`,
  'POP PUSH 1 PUSH @returnWord JUMP',

  'transferFrom:',
  `PUSH 0x44 CALLDATALOAD ${ADDRESS_ARG(4)} ; [amount, from]`,
  `CALLER DUP2 ${ALLOWANCE_SLOT} DUP1 SLOAD ; [amount, from, allowanceSlot, allowance]`,
  `DUP1 PUSH ${MAX_UINT256} EQ PUSH @unlimited JUMPI`,
  'DUP1 DUP5 GT PUSH @fail JUMPI',
  'DUP4 SWAP1 SUB SWAP1 SSTORE PUSH @spent JUMP ; [amount, from]',
  'unlimited:',
  'POP POP',
  'spent:',
  `${ADDRESS_ARG(0x24)} PUSH @move JUMP`,

  'transfer:',
  `PUSH 0x24 CALLDATALOAD CALLER ${ADDRESS_ARG(4)}`,
  'move: ; [amount, from, to]',
  `DUP2 ${BALANCE_SLOT} DUP1 SLOAD ; [amount, from, to, fromSlot, balance]`,
  'DUP1 DUP6 GT PUSH @fail JUMPI',
  'DUP5 SWAP1 SUB SWAP1 SSTORE ; [amount, from, to]',
  `DUP1 ${BALANCE_SLOT} DUP1 SLOAD DUP5 ADD SWAP1 SSTORE`,
  `DUP3 PUSH 0 MSTORE SWAP1 PUSH ${TRANSFER_TOPIC} PUSH 0x20 PUSH 0 LOG3 ; [amount, to]`,
  'POP POP PUSH 1',
  'returnWord: ; [word]',
  'PUSH 0 MSTORE PUSH 0x20 PUSH 0 RETURN',

  'name:',
  `PUSH ${SLOT.name} PUSH @returnString JUMP`,
  'symbol:',
  `PUSH ${SLOT.symbol}`,
  'returnString: ; [slot] holding a short string: its bytes left-aligned, length * 2 in the last byte',
  'SLOAD PUSH 0x20 PUSH 0 MSTORE',
  'DUP1 PUSH 0xff AND PUSH 1 SHR PUSH 0x20 MSTORE',
  'PUSH 0xff NOT AND PUSH 0x40 MSTORE',
  'PUSH 0x60 PUSH 0 RETURN',
];

export const ERC20_RUNTIME = assemble(ERC20_SOURCE);

/** Answers every call with one byte: code that exists but whose answers no ABI decoder should accept. */
export const SHORT_ANSWER_RUNTIME = assemble(['PUSH 1 PUSH 0 RETURN']);

/** Reverts every call, as a paused or self-destructed-and-replaced token might. */
export const REVERTING_RUNTIME = assemble(['PUSH 0 DUP1 REVERT']);

export interface Erc20Setup {
  name: string;
  symbol: string;
  decimals: number;
  totalSupply: bigint;
}

const word = (value: bigint) => `0x${value.toString(16).padStart(64, '0')}`;

/** The storage slots (as 32-byte hex keys and values) that give a fresh ERC20_RUNTIME its metadata. */
export function erc20Storage({ name, symbol, decimals, totalSupply }: Erc20Setup): [string, string][] {
  return [
    [word(SLOT.totalSupply), word(totalSupply)],
    [word(SLOT.name), shortString(name)],
    [word(SLOT.symbol), shortString(symbol)],
    [word(SLOT.decimals), word(BigInt(decimals))],
  ];
}

export function balanceSlot(account: string): string {
  return keccak256(AbiCoder.defaultAbiCoder().encode(['address', 'uint256'], [account, SLOT.balances]));
}

export function balanceValue(amount: bigint): string {
  return word(amount);
}

function shortString(text: string): string {
  const bytes = toUtf8Bytes(text);
  if (bytes.length > 31) throw new Error(`"${text}" is longer than the 31 bytes a short string holds`);
  const padded = Buffer.alloc(32);
  padded.set(bytes);
  padded[31] = bytes.length * 2;
  return `0x${padded.toString('hex')}`;
}

export const ERC20_ABI = [
  'function balanceOf(address owner) view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function name() view returns (string)',
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function transfer(address to, uint256 amount) returns (bool)',
  'function transferFrom(address from, address to, uint256 amount) returns (bool)',
  'function approve(address spender, uint256 amount) returns (bool)',
  'function allowance(address owner, address spender) view returns (uint256)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
  'event Approval(address indexed owner, address indexed spender, uint256 value)',
] as const;
