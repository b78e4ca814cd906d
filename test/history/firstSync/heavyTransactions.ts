import { getCreateAddress } from 'ethers/address';
import { id } from 'ethers/hash';
import type { RawLog, RawTransaction } from '../../../src/main/history/rawTransaction';
import { type ChecksumAddress, toChecksumAddress } from '../../../src/main/store/address';

/**
 * One kind of transaction of the heavy account's, each built the way it lands on chain: its calldata, its
 * receipt's logs, and the internal transfers a trace would show.
 */
export type HeavyKind =
  | 'native-send'
  | 'native-receive'
  | 'erc20-send'
  | 'erc20-receive'
  | 'approval'
  | 'swap'
  | 'failed'
  | 'deployment'
  | 'internal-receive'
  | 'nft-receive'
  | 'nft-send';

/** Native coin a contract sent inside someone's transaction: only a trace (txlistinternal) shows it. */
export interface InternalTransfer {
  from: ChecksumAddress;
  to: ChecksumAddress;
  value: bigint;
  traceId: string;
}

export interface HeavyTransaction {
  kind: HeavyKind;
  /** What a node's transaction, receipt and block say, in the app's shape. */
  raw: RawTransaction;
  gasLimit: bigint;
  cumulativeGasUsed: bigint;
  internal: InternalTransfer[];
}

export interface DatasetToken {
  address: ChecksumAddress;
  name: string;
  symbol: string;
  decimals: number;
  standard: 'erc20' | 'erc721';
}

/** What every builder of one chain shares: the account, who it deals with, and a seeded random source. */
export interface ChainContext {
  chainId: number;
  account: ChecksumAddress;
  /** Ascending nonces of the account's own transactions. */
  nextNonce(): number;
  random(): number;
  erc20: readonly DatasetToken[];
  nft: DatasetToken;
  router: ChecksumAddress;
  /** A Uniswap v2 pair per (tokenIn, tokenOut) is enough: the decoder reads the Swap event, not the pair. */
  pair(tokenIn: ChecksumAddress, tokenOut: ChecksumAddress): ChecksumAddress;
  disperse: ChecksumAddress;
  /** Externally owned accounts the account deals with. */
  peers: readonly ChecksumAddress[];
  gasPrice(): bigint;
}

export interface Placement {
  hash: string;
  blockNumber: number;
  blockHash: string;
  timestamp: number;
  transactionIndex: number;
  /** The block's log index the transaction's first log gets. */
  firstLogIndex: number;
}

export const TRANSFER_TOPIC = id('Transfer(address,address,uint256)');
export const APPROVAL_TOPIC = id('Approval(address,address,uint256)');
const SWAP_V2_TOPIC = id('Swap(address,uint256,uint256,uint256,uint256,address)');
const SYNC_TOPIC = id('Sync(uint112,uint112)');
const OWNERSHIP_TOPIC = id('OwnershipTransferred(address,address)');
const MAX_UINT256 = (1n << 256n) - 1n;

/**
 * The methods the account's transactions call, with Etherscan's `functionName` for each. Calldata is
 * encoded by hand below (static words, and the dynamic arrays' offsets), as 10,000 transactions through an
 * ABI coder take seconds.
 */
export const METHODS = Object.fromEntries(
  [
    ['transfer', 'transfer(address,uint256)', 'transfer(address _to, uint256 _value)'],
    ['approve', 'approve(address,uint256)', 'approve(address _spender, uint256 _value)'],
    [
      'safeTransferFrom',
      'safeTransferFrom(address,address,uint256)',
      'safeTransferFrom(address from, address to, uint256 tokenId)',
    ],
    [
      'swapExactTokensForTokens',
      'swapExactTokensForTokens(uint256,uint256,address[],address,uint256)',
      'swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, ' +
        'uint256 deadline)',
    ],
    [
      'disperseEther',
      'disperseEther(address[],uint256[])',
      'disperseEther(address[] recipients, uint256[] values)',
    ],
  ].map(([name, signature, functionName]) => [
    name,
    { selector: id(signature as string).slice(0, 10), functionName: functionName as string },
  ]),
) as Record<
  'transfer' | 'approve' | 'safeTransferFrom' | 'swapExactTokensForTokens' | 'disperseEther',
  {
    selector: string;
    functionName: string;
  }
>;

const word = (address: string) => `0x${address.slice(2).toLowerCase().padStart(64, '0')}`;
const amountWord = (amount: bigint) => `0x${amount.toString(16).padStart(64, '0')}`;

/** ABI calldata of `method` with these 32-byte words as its encoded arguments. */
const calldata = (method: keyof typeof METHODS, words: string[]) =>
  METHODS[method].selector + words.map((w) => w.slice(2)).join('');

const addresses = (items: readonly string[]) => [amountWord(BigInt(items.length)), ...items.map(word)];
const amounts = (items: readonly bigint[]) => [amountWord(BigInt(items.length)), ...items.map(amountWord)];

/** A tiny init code: deployments are shown from their receipt's contract address, not their code. */
const INIT_CODE =
  '0x6080604052348015600f57600080fd5b50603f80601d6000396000f3fe6080604052600080fdfea164736f6c6343000814000a';

function pick<T>(context: ChainContext, items: readonly T[]): T {
  return items[Math.floor(context.random() * items.length)] as T;
}

function amount(context: ChainContext, decimals: number): bigint {
  return BigInt(1 + Math.floor(context.random() * 5_000)) * 10n ** BigInt(Math.max(0, decimals - 2));
}

function log(address: ChecksumAddress, topics: string[], data: string): Omit<RawLog, 'logIndex'> {
  return { address, topics, data };
}

const transferLog = (token: ChecksumAddress, from: string, to: string, value: bigint) =>
  log(token, [TRANSFER_TOPIC, word(from), word(to)], amountWord(value));

interface Body {
  from: ChecksumAddress;
  to: ChecksumAddress | null;
  value?: bigint;
  input?: string;
  nonce?: number;
  status?: RawTransaction['status'];
  gasUsed: bigint;
  contractAddress?: ChecksumAddress | null;
  logs?: Omit<RawLog, 'logIndex'>[];
  internal?: Omit<InternalTransfer, 'traceId'>[];
}

/** The account's own transactions take its next nonce; anyone else's a plausible one. */
function body(context: ChainContext, kind: HeavyKind): Body {
  const { account, router, nft, disperse } = context;
  const own = () => context.nextNonce();
  const peer = pick(context, context.peers);
  const token = pick(context, context.erc20);
  switch (kind) {
    case 'native-send':
      return { from: account, to: peer, value: amount(context, 16), nonce: own(), gasUsed: 21_000n };
    case 'native-receive':
      return { from: peer, to: account, value: amount(context, 16), gasUsed: 21_000n };
    case 'erc20-send': {
      const value = amount(context, token.decimals);
      return {
        from: account,
        to: token.address,
        input: calldata('transfer', [word(peer), amountWord(value)]),
        nonce: own(),
        gasUsed: 46_109n,
        logs: [transferLog(token.address, account, peer, value)],
      };
    }
    case 'erc20-receive': {
      const value = amount(context, token.decimals);
      return {
        from: peer,
        to: token.address,
        input: calldata('transfer', [word(account), amountWord(value)]),
        gasUsed: 51_309n,
        logs: [transferLog(token.address, peer, account, value)],
      };
    }
    case 'approval': {
      // One in five revokes, two unlimited, the rest a bounded allowance.
      const roll = context.random();
      const value = roll < 0.2 ? 0n : roll < 0.6 ? MAX_UINT256 : amount(context, token.decimals);
      return {
        from: account,
        to: token.address,
        input: calldata('approve', [word(router), amountWord(value)]),
        nonce: own(),
        gasUsed: 46_364n,
        logs: [log(token.address, [APPROVAL_TOPIC, word(account), word(router)], amountWord(value))],
      };
    }
    case 'swap':
      return swap(context, own());
    case 'failed': {
      // A swap that hit its slippage bound: it moved nothing and logged nothing.
      const { input } = swapCall(context);
      return { from: account, to: router, input, nonce: own(), status: 'failed', gasUsed: 31_442n };
    }
    case 'deployment': {
      const nonce = own();
      const created = toChecksumAddress(getCreateAddress({ from: account, nonce }));
      return {
        from: account,
        to: null,
        input: INIT_CODE,
        nonce,
        gasUsed: 289_511n,
        contractAddress: created,
        logs: [log(created, [OWNERSHIP_TOPIC, word(`0x${'0'.repeat(40)}`), word(account)], '0x')],
      };
    }
    case 'internal-receive': {
      const mine = amount(context, 16);
      const theirs = amount(context, 16);
      return {
        from: peer,
        to: disperse,
        value: mine + theirs,
        input: calldata('disperseEther', [
          amountWord(0x40n),
          amountWord(0xa0n),
          ...addresses([account, pick(context, context.peers)]),
          ...amounts([mine, theirs]),
        ]),
        gasUsed: 54_020n,
        internal: [{ from: disperse, to: account, value: mine }],
      };
    }
    case 'nft-receive':
    case 'nft-send': {
      const tokenId = BigInt(1 + Math.floor(context.random() * 9_999));
      const [from, to] = kind === 'nft-send' ? [account, peer] : [peer, account];
      return {
        from,
        to: nft.address,
        input: calldata('safeTransferFrom', [word(from), word(to), amountWord(tokenId)]),
        ...(kind === 'nft-send' ? { nonce: own() } : {}),
        gasUsed: 58_201n,
        logs: [log(nft.address, [TRANSFER_TOPIC, word(from), word(to), amountWord(tokenId)], '0x')],
      };
    }
  }
}

function swapCall(context: ChainContext) {
  const tokenIn = pick(context, context.erc20);
  const others = context.erc20.filter((token) => token !== tokenIn);
  const tokenOut = pick(context, others);
  const amountIn = amount(context, tokenIn.decimals);
  const amountOut = amount(context, tokenOut.decimals);
  const input = calldata('swapExactTokensForTokens', [
    amountWord(amountIn),
    amountWord((amountOut * 99n) / 100n),
    amountWord(0xa0n),
    word(context.account),
    amountWord(1_900_000_000n),
    ...addresses([tokenIn.address, tokenOut.address]),
  ]);
  return { tokenIn, tokenOut, amountIn, amountOut, input };
}

/** A Uniswap v2 router swap: tokens in to the pair, tokens out to the account, the pair's Sync and Swap. */
function swap(context: ChainContext, nonce: number): Body {
  const { account, router } = context;
  const { tokenIn, tokenOut, amountIn, amountOut, input } = swapCall(context);
  const pair = context.pair(tokenIn.address, tokenOut.address);
  const reserves = amountWord(amountIn * 1_000n) + amountWord(amountOut * 1_000n).slice(2);
  const swapped = [amountIn, 0n, 0n, amountOut].map((value) => amountWord(value).slice(2)).join('');
  return {
    from: account,
    to: router,
    input,
    nonce,
    gasUsed: 152_809n,
    logs: [
      transferLog(tokenIn.address, account, pair, amountIn),
      transferLog(tokenOut.address, pair, account, amountOut),
      log(pair, [SYNC_TOPIC], reserves),
      log(pair, [SWAP_V2_TOPIC, word(router), word(account)], `0x${swapped}`),
    ],
  };
}

/** One transaction of `kind`, placed in its block. */
export function buildTransaction(context: ChainContext, kind: HeavyKind, at: Placement): HeavyTransaction {
  const made = body(context, kind);
  const gasUsed = made.gasUsed;
  const status = made.status ?? 'success';
  const raw: RawTransaction = {
    chainId: context.chainId,
    hash: at.hash,
    blockNumber: at.blockNumber,
    blockHash: at.blockHash,
    timestamp: at.timestamp,
    transactionIndex: at.transactionIndex,
    from: made.from,
    to: made.to,
    contractAddress: made.contractAddress ?? null,
    value: made.value ?? 0n,
    input: made.input ?? '0x',
    nonce: made.nonce ?? Math.floor(context.random() * 4_000),
    status,
    gasUsed,
    effectiveGasPrice: context.gasPrice(),
    logs: (status === 'failed' ? [] : (made.logs ?? [])).map((entry, i) => ({
      ...entry,
      logIndex: at.firstLogIndex + i,
    })),
  };
  return {
    kind,
    raw,
    gasLimit: (gasUsed * 13n) / 10n,
    cumulativeGasUsed: gasUsed + BigInt(at.transactionIndex) * 48_000n,
    internal: (made.internal ?? []).map((transfer, i) => ({ ...transfer, traceId: `0_${i + 1}` })),
  };
}

/** One chain of the heavy account dataset (see heavyAccount.ts). */
export interface HeavyChain {
  chainId: number;
  name: string;
  firstBlock: number;
  /** The block the RPC double reports as the head. */
  headBlock: number;
  blockSeconds: number;
  /** Unix seconds of `headBlock`. */
  headTime: number;
  /** Ascending by block; one transaction per block. */
  transactions: readonly HeavyTransaction[];
  tokens: readonly DatasetToken[];
}

export interface HeavyAccountDataset {
  account: ChecksumAddress;
  chains: readonly HeavyChain[];
}
