import { OPCODES, type OpcodeName } from './evmOpcodes';
import { type FeedRound, LATEST_ROUND_DATA, ROUND_DATA_BYTES, roundFromWords } from './feedRound';

/**
 * The balance-reader program: EVM bytecode that is never deployed, only placed at an unused address by an
 * `eth_call` state override, and that reads a whole account × token grid in one call and answers with packed
 * 32-byte words, so a refresh costs little more than the balances' own bytes on the wire.
 *
 * Calldata (packed, no selector): one 32-byte word `accountCount`, one 32-byte word `feedCount`, then
 * `accountCount` addresses of 20 bytes, then `feedCount` price feed addresses of 20 bytes, then the token
 * addresses, 20 bytes each, up to the end of the calldata; the zero address stands for the chain's native coin.
 *
 * Answer: `n = accountCount × tokenCount` and
 * - word 0: the block number (NUMBER), word 1: its timestamp (TIMESTAMP), as the node ran the call;
 * - words 2 … n+1: one balance per (account, token), accounts outer, tokens inner: `BALANCE(account)` for
 *   the native coin, else ERC-20 `balanceOf(account)` by STATICCALL with at most `GAS_PER_CALL` gas;
 * - then ⌈n/256⌉ words of a failure bitmap: bit `i % 256` (least significant first) of word `i / 256` is set
 *   when balance `i` could not be read: the call reverted, ran out of its gas, or answered anything but
 *   exactly 32 bytes (no code, a short or long answer). Its balance word is then 0, so a failure is never
 *   mistaken for a zero balance;
 * - then three words per feed, in calldata order: the answer (int256, two's complement, as read), updatedAt
 *   and decimals, from AggregatorV3 `latestRoundData()` (words 1 and 3 of its answer) and `decimals()`, each
 *   a STATICCALL with at most `GAS_PER_CALL` gas. All three are 0 when either call reverts, runs out of its
 *   gas or answers a size other than exactly 160 and 32 bytes; an updatedAt of 0 thus means "not read".
 *
 * Before each token or feed call the program checks that at least `GAS_PER_CALL + GAS_RESERVE` gas is left
 * and otherwise reverts the whole call with the one word `OUT_OF_GAS` as its data, rather than mark later
 * tokens or feeds as failed for want of gas; the caller then asks again in smaller pieces.
 */

/** The address the program is placed at: "Ledgerline balance reader" in ASCII, no key or contract behind it. */
export const BALANCE_PROGRAM_ADDRESS = '0x4c65646765726c696e6542616c616e6365526561';

/** Gas each ERC-20 `balanceOf` may use; a token needing more is reported as failed, never a zero balance. */
export const GAS_PER_CALL = 100_000;
/** Gas kept back past one token call for the loop itself and the final RETURN. */
const GAS_RESERVE = 20_000;

/** The revert data of a call that ran short of gas: "Ledgerline: out of gas", left-aligned in a word. */
export const OUT_OF_GAS = `0x${Buffer.from('Ledgerline: out of gas').toString('hex').padEnd(64, '0')}`;

const OP = OPCODES;
type OpName = OpcodeName;

/** One step of assembly: an opcode, a PUSH of a constant, a jump target, or a PUSH2 of a target's offset. */
export type Step = OpName | { push: bigint | number } | { label: string } | { to: string };

/**
 * Assembles steps into hex bytecode. A constant is pushed with the fewest bytes that hold it (PUSH1 for 0:
 * PUSH0 is left out so the program runs on chains before Shanghai); a label is a JUMPDEST and `to` pushes
 * its offset as PUSH2.
 */
export function assemble(steps: readonly Step[]): string {
  const bytes: number[] = [];
  const labels = new Map<string, number>();
  const fixups: { at: number; label: string }[] = [];
  for (const step of steps) {
    if (typeof step === 'string') bytes.push(OP[step]);
    else if ('push' in step) {
      const value = BigInt(step.push);
      if (value < 0n || value >= 1n << 256n) throw new Error(`cannot push ${value}`);
      const hex = value.toString(16);
      const data = hex.padStart(hex.length + (hex.length % 2), '0');
      bytes.push(0x5f + data.length / 2);
      for (let i = 0; i < data.length; i += 2) bytes.push(Number.parseInt(data.slice(i, i + 2), 16));
    } else if ('label' in step) {
      if (labels.has(step.label)) throw new Error(`label ${step.label} is defined twice`);
      labels.set(step.label, bytes.length);
      bytes.push(OP.JUMPDEST);
    } else {
      bytes.push(OP.PUSH2);
      fixups.push({ at: bytes.length, label: step.to });
      bytes.push(0, 0);
    }
  }
  for (const { at, label } of fixups) {
    const target = labels.get(label);
    if (target === undefined) throw new Error(`label ${label} is not defined`);
    bytes[at] = target >> 8;
    bytes[at + 1] = target & 0xff;
  }
  return `0x${bytes.map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

// Memory: 0x00–0x23 is the calldata of the call being made (selector, then balanceOf's account word at 0x04);
// the variables live in the words below; the answer starts at OUT.
const NA = 0x40; // number of accounts
const TS = 0x60; // calldata offset of the first token
const NT = 0x80; // number of tokens
const I = 0xa0; // index of the balance being read
const A = 0xc0; // account index
const T = 0xe0; // token index
const ACCOUNT = 0x100; // the account being read
const BM = 0x120; // memory offset of the failure bitmap
const NF = 0x140; // number of feeds
const F = 0x160; // feed index
const FO = 0x180; // memory offset of the feed's three answer words
const OUT = 0x1a0; // the answer: block number, timestamp, balances, bitmap, feeds
const BALANCE_OF = 0x70a08231;
const DECIMALS = 0x313ce567;
/** Calldata offset of the first account: after the two count words. */
const ACCOUNTS_AT = 64;

const load = (slot: number): Step[] => [{ push: slot }, 'MLOAD'];
/** Stores the value the steps leave on the stack into a variable. */
const store = (slot: number, ...value: Step[]): Step[] => [...value, { push: slot }, 'MSTORE'];
const increment = (slot: number): Step[] => store(slot, ...load(slot), { push: 1 }, 'ADD');
/** An address packed at calldata offset (left on the stack): the 20 bytes at the top of the loaded word. */
const packedAddress = (...offset: Step[]): Step[] => [...offset, 'CALLDATALOAD', { push: 96 }, 'SHR'];

/** A loop's test: on to `exit` unless variable `index` < variable `limit` (LT takes `index` from the top). */
const exitUnlessBelow = (index: number, limit: number, exit: string): Step[] => [
  ...load(limit),
  ...load(index),
  'LT',
  'ISZERO',
  { to: exit },
  'JUMPI',
];

/** Reverts with OUT_OF_GAS unless one more call and the loop's reserve fit in the gas left. */
const enoughGasForACall: Step[] = [
  'GAS',
  { push: GAS_PER_CALL + GAS_RESERVE },
  'GT',
  { to: 'outOfGas' },
  'JUMPI',
];

/** Writes a 4-byte selector at memory 0, the start of the next call's calldata. */
const selector = (value: number | string): Step[] => store(0, { push: BigInt(value) << 224n });

/** STATICCALL(GAS_PER_CALL, target, 0, argsSize, retOffset, retSize); `target` runs after the four pushes. */
const staticCall = (argsSize: number, retSize: number, retOffset: Step[], target: Step[]): Step[] => [
  { push: retSize },
  ...retOffset,
  { push: argsSize },
  { push: 0 },
  ...target,
  { push: GAS_PER_CALL },
  'STATICCALL',
];

/** The feed being read, from its packed place in the calldata after the accounts. */
const feedAddress = packedAddress(
  ...load(F),
  ...load(NA),
  'ADD',
  { push: 20 },
  'MUL',
  { push: ACCOUNTS_AT },
  'ADD',
);

/** Feeds are read after the grid, one at a time, with the stack empty; on entry FO is past the bitmap. */
const FEED_STEPS: Step[] = [
  { label: 'feeds' },
  ...exitUnlessBelow(F, NF, 'return'),
  ...enoughGasForACall,
  ...selector(LATEST_ROUND_DATA),
  // The answer is copied word by word from the return data, so nothing is written unless its size is right.
  ...staticCall(4, 0, [{ push: 0 }], feedAddress),
  'RETURNDATASIZE',
  { push: ROUND_DATA_BYTES },
  'EQ',
  'AND',
  'ISZERO',
  { to: 'nextFeed' },
  'JUMPI',
  ...[1, 3].flatMap((word, i): Step[] => [
    { push: 32 },
    { push: 32 * word },
    ...load(FO),
    { push: 32 * i },
    'ADD',
    'RETURNDATACOPY',
  ]),
  ...enoughGasForACall,
  ...selector(DECIMALS),
  ...staticCall(4, 0, [{ push: 0 }], feedAddress),
  'RETURNDATASIZE',
  { push: 32 },
  'EQ',
  'AND',
  { to: 'decimals' },
  'JUMPI',
  // No decimals: a price without its scale is no price, so clear the two words already written.
  { push: 0 },
  ...load(FO),
  'MSTORE',
  { push: 0 },
  ...load(FO),
  { push: 32 },
  'ADD',
  'MSTORE',
  { to: 'nextFeed' },
  'JUMP',
  { label: 'decimals' },
  { push: 32 },
  { push: 0 },
  ...load(FO),
  { push: 64 },
  'ADD',
  'RETURNDATACOPY',
  { label: 'nextFeed' },
  ...store(FO, ...load(FO), { push: 96 }, 'ADD'),
  ...increment(F),
  { to: 'feeds' },
  'JUMP',
];

export const PROGRAM_STEPS: readonly Step[] = [
  ...store(NA, { push: 0 }, 'CALLDATALOAD'),
  ...store(NF, { push: 32 }, 'CALLDATALOAD'),
  ...store(TS, ...load(NA), ...load(NF), 'ADD', { push: 20 }, 'MUL', { push: ACCOUNTS_AT }, 'ADD'),
  // (calldatasize - TS) / 20; SUB and DIV take their first operand from the top of the stack.
  ...store(NT, { push: 20 }, ...load(TS), 'CALLDATASIZE', 'SUB', 'DIV'),
  ...store(BM, ...load(NA), ...load(NT), 'MUL', { push: 32 }, 'MUL', { push: OUT + 64 }, 'ADD'),
  ...store(OUT, 'NUMBER'),
  ...store(OUT + 32, 'TIMESTAMP'),
  ...store(0, { push: BALANCE_OF }, { push: 224 }, 'SHL'),
  // I and A start at 0: fresh memory is zero.
  { label: 'accounts' },
  ...exitUnlessBelow(A, NA, 'done'),
  ...store(ACCOUNT, ...packedAddress(...load(A), { push: 20 }, 'MUL', { push: ACCOUNTS_AT }, 'ADD')),
  ...store(4, ...load(ACCOUNT)), // balanceOf's argument, after the selector
  ...store(T, { push: 0 }),
  { label: 'tokens' },
  ...exitUnlessBelow(T, NT, 'nextAccount'),
  ...packedAddress(...load(T), { push: 20 }, 'MUL', ...load(TS), 'ADD'), // [token]
  ...load(I),
  { push: 32 },
  'MUL',
  { push: OUT + 64 },
  'ADD', // [token, out]
  'DUP2',
  { to: 'erc20' },
  'JUMPI', // a nonzero token is a contract
  ...load(ACCOUNT),
  'BALANCE', // [token, out, balance]
  'SWAP1',
  'MSTORE', // mem[out] = balance
  'POP',
  { to: 'next' },
  'JUMP',
  { label: 'erc20' }, // [token, out]
  ...enoughGasForACall,
  ...staticCall(36, 32, ['DUP2'], ['DUP6']), // balanceOf(account) into out; [token, out, success]
  'RETURNDATASIZE',
  { push: 32 },
  'EQ',
  'AND', // success and exactly one word back
  { to: 'read' },
  'JUMPI',
  // Failed: the word may hold part of a revert reason, so clear it, and set bit I of the bitmap.
  { push: 0 },
  'SWAP1',
  'MSTORE', // mem[out] = 0; [token]
  ...load(I),
  { push: 8 },
  'SHR',
  { push: 32 },
  'MUL',
  ...load(BM),
  'ADD', // [token, word]
  'DUP1',
  'MLOAD', // [token, word, bits]
  ...load(I),
  { push: 255 },
  'AND',
  { push: 1 },
  'SWAP1',
  'SHL', // [token, word, bits, 1 << (I & 255)]
  'OR',
  'SWAP1',
  'MSTORE', // [token]
  'POP',
  { to: 'next' },
  'JUMP',
  { label: 'read' }, // [token, out]
  'POP',
  'POP',
  { label: 'next' },
  ...increment(I),
  ...increment(T),
  { to: 'tokens' },
  'JUMP',
  { label: 'nextAccount' },
  ...increment(A),
  { to: 'accounts' },
  'JUMP',
  { label: 'done' },
  // FO = BM + 32 * ((n + 255) >> 8): the feeds' words follow the bitmap.
  ...store(
    FO,
    ...load(NA),
    ...load(NT),
    'MUL',
    { push: 255 },
    'ADD',
    { push: 8 },
    'SHR',
    { push: 32 },
    'MUL',
    ...load(BM),
    'ADD',
  ),
  ...FEED_STEPS,
  { label: 'return' },
  // RETURN(OUT, FO - OUT)
  { push: OUT },
  ...load(FO),
  'SUB',
  { push: OUT },
  'RETURN',
  { label: 'outOfGas' },
  ...store(0, { push: BigInt(OUT_OF_GAS) }),
  { push: 32 },
  { push: 0 },
  'REVERT',
];

/** The runtime bytecode of the balance reader, as placed by the state override. */
export const BALANCE_PROGRAM = assemble(PROGRAM_STEPS);

/** What one program call reads: `null` in `tokens` is the native coin (sent as the zero address). */
export interface ProgramQuery {
  accounts: readonly string[];
  feeds: readonly string[];
  tokens: readonly (string | null)[];
}

const count = (value: number) => value.toString(16).padStart(64, '0');
const packed = (value: string | null) => (value === null ? '0'.repeat(40) : value.slice(2).toLowerCase());

/** The packed calldata: the two counts, then the accounts, the feeds and the tokens. */
export function encodeBalanceQuery({ accounts, feeds, tokens }: ProgramQuery): string {
  return `0x${count(accounts.length)}${count(feeds.length)}${[...accounts, ...feeds, ...tokens].map(packed).join('')}`;
}

/** Bytes of the answer for `balances` balances and `feeds` feeds: header, balances, bitmap, feed words. */
export const answerBytes = (balances: number, feeds: number): number =>
  32 * (2 + balances + Math.ceil(balances / 256) + 3 * feeds);

export interface BalanceAnswer {
  blockNumber: bigint;
  timestamp: bigint;
  /** One per balance, in query order; null where the failure bitmap marks it. */
  amounts: (bigint | null)[];
  /** One per feed, in query order; null where it could not be read. */
  rounds: (FeedRound | null)[];
}

/**
 * Decodes an answer for `balances` balances and `feeds` feeds. Returns null when it is not such an answer at
 * all (most often `0x`: the node ignored the state override and called an address with no code), which the
 * caller treats as a node that does not run overrides.
 */
export function decodeBalanceAnswer(data: string, balances: number, feeds: number): BalanceAnswer | null {
  if (!/^0x[0-9a-fA-F]*$/.test(data) || data.length !== 2 + 2 * answerBytes(balances, feeds)) return null;
  const word = (index: number) => BigInt(`0x${data.slice(2 + 64 * index, 66 + 64 * index)}`);
  const bitmapWords = Math.ceil(balances / 256);
  const failures = Array.from({ length: bitmapWords }, (_, w) => word(2 + balances + w));
  const amounts: (bigint | null)[] = [];
  for (let i = 0; i < balances; i++) {
    const failed = ((failures[i >> 8] as bigint) >> BigInt(i & 255)) & 1n;
    amounts.push(failed ? null : word(2 + i));
  }
  const feedsAt = 2 + balances + bitmapWords;
  const rounds = Array.from({ length: feeds }, (_, f) =>
    roundFromWords(word(feedsAt + 3 * f), word(feedsAt + 3 * f + 1), word(feedsAt + 3 * f + 2)),
  );
  return { blockNumber: word(0), timestamp: word(1), amounts, rounds };
}
