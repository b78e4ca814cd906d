import { id } from 'ethers/hash';
import { assemble } from './evmAssembler';

/**
 * A test double of a Uniswap v2 pool with its router's entry point folded in, for the local chains:
 * `swapExactTokensForTokens` with a two-token path pulls `amountIn` of path[0] from the caller (ERC-20
 * transferFrom, so the caller approves the pool first), pays out path[1] by the v2 constant-product formula
 * with its 0.3% fee against the pool's own balances, and emits the v2 pair's `Swap` event (token0 is the
 * lower address, as in v2). It returns nothing, unlike the real router.
 */
export const MINI_SWAP_POOL_ABI = [
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
  'event Swap(address indexed sender, uint256 amount0In, uint256 amount1In, uint256 amount0Out, uint256 amount1Out, address indexed to)',
] as const;

const selector = (signature: string) => BigInt(id(signature).slice(0, 10));
const ADDRESS_MASK = (1n << 160n) - 1n;
const SWAP_TOPIC = id('Swap(address,uint256,uint256,uint256,uint256,address)');

/** Memory words that hold the swap's values, so the token calls between them need no stack juggling. */
const VAR = {
  amountIn: 0x200,
  tokenIn: 0x220,
  tokenOut: 0x240,
  to: 0x260,
  balanceIn: 0x280,
  balanceOut: 0x2a0,
  amountOut: 0x2c0,
};
const EVENT_DATA = 0x300;
const load = (address: number) => `PUSH ${address} MLOAD`;

/** Calls `token` (a memory word) with a signature and one-word arguments, reverting when the call fails. */
function callToken(token: number, signature: string, args: readonly string[]): string[] {
  return [
    `PUSH ${selector(signature) << 224n} PUSH 0x100 MSTORE`,
    ...args.map((pushArg, i) => `${pushArg} PUSH ${0x104 + 32 * i} MSTORE`),
    `PUSH 0x20 PUSH 0 PUSH ${4 + 32 * args.length} PUSH 0x100 PUSH 0 ${load(token)} GAS CALL ISZERO PUSH @fail JUMPI`,
  ];
}
const balanceOfPool = (token: number) => [
  ...callToken(token, 'balanceOf(address)', ['ADDRESS']),
  'PUSH 0 MLOAD',
];

export const MINI_SWAP_POOL_SOURCE = [
  'PUSH 0 CALLDATALOAD PUSH 0xe0 SHR',
  `PUSH ${selector('swapExactTokensForTokens(uint256,uint256,address[],address,uint256)')} EQ PUSH @swap JUMPI`,
  'fail:',
  'PUSH 0 DUP1 REVERT',

  'swap:',
  `PUSH 4 CALLDATALOAD PUSH ${VAR.amountIn} MSTORE`,
  'PUSH 0x44 CALLDATALOAD PUSH 4 ADD ; [p] the path length word',
  `DUP1 PUSH 0x20 ADD CALLDATALOAD PUSH ${ADDRESS_MASK} AND PUSH ${VAR.tokenIn} MSTORE`,
  `PUSH 0x40 ADD CALLDATALOAD PUSH ${ADDRESS_MASK} AND PUSH ${VAR.tokenOut} MSTORE`,
  `PUSH 0x64 CALLDATALOAD PUSH ${ADDRESS_MASK} AND PUSH ${VAR.to} MSTORE`,
  ...balanceOfPool(VAR.tokenIn),
  `PUSH ${VAR.balanceIn} MSTORE`,
  ...balanceOfPool(VAR.tokenOut),
  `PUSH ${VAR.balanceOut} MSTORE`,
  `${load(VAR.amountIn)} PUSH 997 MUL DUP1 ${load(VAR.balanceOut)} MUL ; [in997, in997 * balanceOut]`,
  `SWAP1 ${load(VAR.balanceIn)} PUSH 1000 MUL ADD SWAP1 DIV ; [amountOut]`,
  `DUP1 PUSH ${VAR.amountOut} MSTORE PUSH 0x24 CALLDATALOAD GT PUSH @fail JUMPI`,
  ...callToken(VAR.tokenIn, 'transferFrom(address,address,uint256)', [
    'CALLER',
    'ADDRESS',
    load(VAR.amountIn),
  ]),
  ...callToken(VAR.tokenOut, 'transfer(address,uint256)', [load(VAR.to), load(VAR.amountOut)]),
  `${load(VAR.tokenIn)} ${load(VAR.tokenOut)} GT PUSH @inIsToken0 JUMPI`,
  `${load(VAR.amountIn)} PUSH ${EVENT_DATA + 0x20} MSTORE ${load(VAR.amountOut)} PUSH ${EVENT_DATA + 0x40} MSTORE`,
  'PUSH @emit JUMP',
  'inIsToken0:',
  `${load(VAR.amountIn)} PUSH ${EVENT_DATA} MSTORE ${load(VAR.amountOut)} PUSH ${EVENT_DATA + 0x60} MSTORE`,
  'emit:',
  `${load(VAR.to)} CALLER PUSH ${SWAP_TOPIC} PUSH 0x80 PUSH ${EVENT_DATA} LOG3`,
  'STOP',
];

export const MINI_SWAP_POOL_RUNTIME = assemble(MINI_SWAP_POOL_SOURCE);
