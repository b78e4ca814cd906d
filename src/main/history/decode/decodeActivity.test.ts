import { Interface } from 'ethers/abi';
import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../store/address';
import type { TokenLookup } from '../activity';
import { ACROSS_ABI, ACROSS_SPOKE_POOLS } from './bridges/across';
import { decodeActivity } from './decodeActivity';
import {
  ACCOUNT,
  OTHER,
  address,
  eventLog,
  noTokens,
  numbered,
  rawTx,
} from '../../../../test/history/decodeFixtures';

const ERC20 = new Interface([
  'function transfer(address to, uint256 amount)',
  'function approve(address spender, uint256 amount)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
  'event Approval(address indexed owner, address indexed spender, uint256 value)',
]);
const ERC721 = new Interface([
  'function setApprovalForAll(address operator, bool approved)',
  'event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)',
  'event ApprovalForAll(address indexed owner, address indexed operator, bool approved)',
]);
const ERC1155 = new Interface([
  'event TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value)',
  'event TransferBatch(address indexed operator, address indexed from, address indexed to, uint256[] ids, uint256[] values)',
]);
const DEX = new Interface([
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
  'event Swap(address indexed sender, uint256 amount0In, uint256 amount1In, uint256 amount0Out, uint256 amount1Out, address indexed to)',
]);
const V3_POOL = new Interface([
  'event Swap(address indexed sender, address indexed recipient, int256 amount0, int256 amount1, uint160 sqrtPriceX96, uint128 liquidity, int24 tick)',
]);

const USDC = address('usdc');
const WETH = address('weth');
const NFT = address('nft');
const PAIR = address('pair');
const ROUTER = address('router');
const MAX = (1n << 256n) - 1n;
const tokens: TokenLookup = (chainId, token) =>
  chainId === 1 && token === USDC ? { symbol: 'USDC', decimals: 6 } : undefined;

describe('decodeActivity', () => {
  it('decodes plain native transfers as send, receive or self', () => {
    const send = decodeActivity(rawTx({ value: 5n }), ACCOUNT, noTokens);
    expect(send).toEqual({
      kind: 'send',
      method: null,
      assets: [
        {
          standard: 'native',
          token: null,
          symbol: null,
          decimals: null,
          amount: '5',
          tokenId: null,
          direction: 'out',
          counterparty: OTHER,
        },
      ],
      approval: null,
      bridgeLegs: [],
    });
    expect(decodeActivity(rawTx({ from: OTHER, to: ACCOUNT, value: 5n }), ACCOUNT, noTokens).kind).toBe(
      'receive',
    );
    const self = decodeActivity(rawTx({ to: ACCOUNT, value: 5n }), ACCOUNT, noTokens);
    expect(self.kind).toBe('self');
    expect(self.assets.map((a) => a.direction)).toEqual(['out', 'in']);
  });

  it('decodes an ERC-20 transfer with the catalogue symbol and decimals', () => {
    const tx = rawTx({
      to: USDC,
      input: ERC20.encodeFunctionData('transfer', [OTHER, 1_500_000n]),
      logs: [eventLog(ERC20, USDC, 'Transfer', [ACCOUNT, OTHER, 1_500_000n])],
    });
    expect(decodeActivity(tx, ACCOUNT, tokens)).toMatchObject({
      kind: 'send',
      method: 'transfer',
      assets: [
        {
          standard: 'erc20',
          token: USDC,
          symbol: 'USDC',
          decimals: 6,
          amount: '1500000',
          direction: 'out',
          counterparty: OTHER,
        },
      ],
    });
  });

  it('decodes ERC-721 and ERC-1155 tokens arriving from someone else as receive', () => {
    const tx = rawTx({
      from: OTHER,
      to: NFT,
      input: '0xdeadbeef',
      logs: numbered([
        eventLog(ERC721, NFT, 'Transfer', [OTHER, ACCOUNT, 42n]),
        eventLog(ERC1155, NFT, 'TransferSingle', [OTHER, OTHER, ACCOUNT, 7n, 3n]),
        eventLog(ERC1155, NFT, 'TransferBatch', [OTHER, OTHER, ACCOUNT, [8n, 9n], [1n, 2n]]),
      ]),
    });
    const decoded = decodeActivity(tx, ACCOUNT, noTokens);
    expect(decoded.kind).toBe('receive');
    expect(decoded.method).toBe('0xdeadbeef');
    expect(decoded.assets.map((a) => [a.standard, a.tokenId, a.amount, a.direction, a.decimals])).toEqual([
      ['erc721', '42', '1', 'in', 0],
      ['erc1155', '7', '3', 'in', null],
      ['erc1155', '8', '1', 'in', null],
      ['erc1155', '9', '2', 'in', null],
    ]);
  });

  it('decodes approvals, unlimited ones and revokes', () => {
    const approve = (amount: bigint) =>
      rawTx({
        to: USDC,
        input: ERC20.encodeFunctionData('approve', [ROUTER, amount]),
        logs: [eventLog(ERC20, USDC, 'Approval', [ACCOUNT, ROUTER, amount])],
      });
    expect(decodeActivity(approve(MAX), ACCOUNT, noTokens)).toMatchObject({
      kind: 'approval',
      method: 'approve',
      assets: [],
      approval: { token: USDC, spender: ROUTER, amount: MAX, unlimited: true },
    });
    expect(decodeActivity(approve((1n << 255n) + 1n), ACCOUNT, noTokens).approval?.unlimited).toBe(true);
    expect(decodeActivity(approve(10n), ACCOUNT, noTokens).approval?.unlimited).toBe(false);
    expect(decodeActivity(approve(0n), ACCOUNT, noTokens).kind).toBe('revoke');
  });

  it('decodes ApprovalForAll, and its clearing as a revoke', () => {
    const setAll = (approved: boolean) =>
      rawTx({
        to: NFT,
        input: ERC721.encodeFunctionData('setApprovalForAll', [ROUTER, approved]),
        logs: [eventLog(ERC721, NFT, 'ApprovalForAll', [ACCOUNT, ROUTER, approved])],
      });
    expect(decodeActivity(setAll(true), ACCOUNT, noTokens)).toMatchObject({
      kind: 'approval',
      approval: { token: NFT, spender: ROUTER, amount: MAX, unlimited: true },
    });
    expect(decodeActivity(setAll(false), ACCOUNT, noTokens)).toMatchObject({
      kind: 'revoke',
      approval: { amount: 0n },
    });
  });

  it("does not take a router's allowance spend in someone's transaction for the account's approval", () => {
    const tx = rawTx({
      from: ACCOUNT,
      to: ROUTER,
      input: '0x12345678',
      logs: [eventLog(ERC20, USDC, 'Approval', [ACCOUNT, ROUTER, 5n])],
    });
    expect(decodeActivity(tx, ACCOUNT, noTokens)).toMatchObject({ kind: 'contract-call', approval: null });
  });

  it('decodes a Uniswap v2 swap through a router from the Swap event and the transfers', () => {
    const tx = rawTx({
      to: ROUTER,
      input: DEX.encodeFunctionData('swapExactTokensForTokens', [100n, 1n, [USDC, WETH], ACCOUNT, 0n]),
      logs: numbered([
        eventLog(ERC20, USDC, 'Approval', [ACCOUNT, ROUTER, MAX - 100n]),
        eventLog(ERC20, USDC, 'Transfer', [ACCOUNT, PAIR, 100n]),
        eventLog(ERC20, WETH, 'Transfer', [PAIR, ACCOUNT, 3n]),
        eventLog(DEX, PAIR, 'Swap', [ROUTER, 100n, 0n, 0n, 3n, ACCOUNT]),
      ]),
    });
    const decoded = decodeActivity(tx, ACCOUNT, tokens);
    expect(decoded.kind).toBe('swap');
    expect(decoded.method).toBe('swapExactTokensForTokens');
    expect(decoded.approval).toBeNull();
    expect(decoded.assets.map((a) => [a.token, a.direction, a.amount])).toEqual([
      [USDC, 'out', '100'],
      [WETH, 'in', '3'],
    ]);
  });

  it('decodes a Uniswap v3 swap paid in native coin', () => {
    const tx = rawTx({
      to: ROUTER,
      value: 10n,
      input: '0x414bf389',
      logs: numbered([
        eventLog(ERC20, USDC, 'Transfer', [PAIR, ACCOUNT, 30n]),
        eventLog(V3_POOL, PAIR, 'Swap', [ROUTER, ACCOUNT, -30n, 10n, 1n, 1n, 0]),
      ]),
    });
    expect(decodeActivity(tx, ACCOUNT, noTokens).kind).toBe('swap');
  });

  it('needs something both given and received to call it a swap', () => {
    const tx = rawTx({
      from: OTHER,
      to: ROUTER,
      input: '0x12345678',
      logs: [
        eventLog(DEX, PAIR, 'Swap', [ROUTER, 1n, 0n, 0n, 1n, OTHER]),
        eventLog(ERC20, USDC, 'Transfer', [PAIR, ACCOUNT, 1n]),
      ],
    });
    expect(decodeActivity(tx, ACCOUNT, noTokens).kind).toBe('receive');
  });

  it('decodes a bridge deposit as a bridge, above the tokens it moved', () => {
    const word = (value: string) => `0x${value.slice(2).toLowerCase().padStart(64, '0')}`;
    const tx = rawTx({
      to: toChecksumAddress(ACROSS_SPOKE_POOLS[1] as string),
      input: '0x7b939232',
      logs: numbered([
        eventLog(ERC20, USDC, 'Transfer', [ACCOUNT, ACROSS_SPOKE_POOLS[1], 5n]),
        eventLog(ACROSS_ABI, ACROSS_SPOKE_POOLS[1] as string, 'FundsDeposited', [
          word(USDC),
          word(USDC),
          5n,
          4n,
          10n,
          3n,
          1,
          2,
          3,
          word(ACCOUNT),
          word(ACCOUNT),
          word('0x00'),
          '0x',
        ]),
      ]),
    });
    const decoded = decodeActivity(tx, ACCOUNT, noTokens);
    expect(decoded.kind).toBe('bridge');
    expect(decoded.method).toBe('depositV3');
    expect(decoded.bridgeLegs.map((l) => l.key)).toEqual(['across:1:3']);
    expect(decoded.assets).toHaveLength(1);
  });

  it('takes what was bridged from the leg when no transfer log shows it, e.g. a burn by the bridge itself', () => {
    const word = (value: string) => `0x${value.slice(2).toLowerCase().padStart(64, '0')}`;
    const deposit = eventLog(ACROSS_ABI, ACROSS_SPOKE_POOLS[1] as string, 'FundsDeposited', [
      word(USDC),
      word(USDC),
      5_000_000n,
      4_990_000n,
      10n,
      3n,
      1,
      2,
      3,
      word(ACCOUNT),
      word(ACCOUNT),
      word('0x00'),
      '0x',
    ]);
    const tx = rawTx({
      to: toChecksumAddress(ACROSS_SPOKE_POOLS[1] as string),
      input: '0x7b939232',
      logs: numbered([deposit]),
    });
    expect(decodeActivity(tx, ACCOUNT, tokens).assets).toEqual([
      {
        standard: 'erc20',
        token: USDC,
        symbol: 'USDC',
        decimals: 6,
        amount: '5000000',
        tokenId: null,
        direction: 'out',
        counterparty: ACROSS_SPOKE_POOLS[1],
      },
    ]);
    expect(decodeActivity({ ...tx, status: 'failed' }, ACCOUNT, tokens).assets).toEqual([]);
  });

  it('gives a failed transaction the kind of its call and no assets', () => {
    const failed = (input: string, value = 0n) =>
      decodeActivity(rawTx({ status: 'failed', to: USDC, input, value }), ACCOUNT, noTokens);
    expect(failed(ERC20.encodeFunctionData('approve', [ROUTER, 1n]))).toEqual({
      kind: 'approval',
      method: 'approve',
      assets: [],
      approval: null,
      bridgeLegs: [],
    });
    expect(failed(ERC20.encodeFunctionData('approve', [ROUTER, 0n])).kind).toBe('revoke');
    expect(failed(ERC721.encodeFunctionData('setApprovalForAll', [ROUTER, false])).kind).toBe('revoke');
    expect(
      failed(DEX.encodeFunctionData('swapExactTokensForTokens', [1n, 1n, [USDC, WETH], ACCOUNT, 0n])).kind,
    ).toBe('swap');
    expect(failed('0x7b939232').kind).toBe('bridge');
    expect(failed(ERC20.encodeFunctionData('transfer', [OTHER, 1n])).kind).toBe('send');
    expect(failed('0x', 5n)).toMatchObject({ kind: 'send', method: null, assets: [] });
    expect(failed('0x12345678')).toMatchObject({ kind: 'contract-call', method: '0x12345678' });
  });

  it('decodes contract creation and calls to unknown methods', () => {
    const created = rawTx({ to: null, contractAddress: address('new contract'), input: '0x6080604052' });
    expect(decodeActivity(created, ACCOUNT, noTokens)).toMatchObject({
      kind: 'contract-creation',
      method: null,
    });
    expect(decodeActivity(rawTx({ input: '0xac9650d8' }), ACCOUNT, noTokens)).toMatchObject({
      kind: 'contract-call',
      method: 'multicall',
    });
  });
});
