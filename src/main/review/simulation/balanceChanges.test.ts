import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../store/address';
import type { AssetTransfer } from './assetTransfers';
import { netBalanceChanges } from './balanceChanges';

const ALICE = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const BOB = toChecksumAddress('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
const CAROL = toChecksumAddress('0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65');
const USDC = toChecksumAddress('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48');
const NFT = toChecksumAddress('0x5FbDB2315678afecb367f032d93F642f64180aa3');

const native = (from: typeof ALICE, to: typeof ALICE, amount: bigint): AssetTransfer => ({
  kind: 'native',
  token: null,
  from,
  to,
  amount,
  tokenId: null,
});
const erc20 = (from: typeof ALICE, to: typeof ALICE, amount: bigint): AssetTransfer => ({
  ...native(from, to, amount),
  kind: 'erc20',
  token: USDC,
});

describe('netBalanceChanges', () => {
  it('nets each account per asset and drops what nets to zero', () => {
    const changes = netBalanceChanges(
      [native(ALICE, BOB, 10n), native(BOB, ALICE, 4n), erc20(BOB, ALICE, 7n), erc20(ALICE, BOB, 7n)],
      [ALICE],
    );
    expect(changes).toEqual([
      { account: ALICE, kind: 'native', token: null, tokenId: null, delta: -6n },
      { account: BOB, kind: 'native', token: null, tokenId: null, delta: 6n },
    ]);
  });

  it('keeps token ids apart and a transfer to oneself out', () => {
    const nft = (tokenId: bigint): AssetTransfer => ({
      kind: 'erc721',
      token: NFT,
      from: BOB,
      to: ALICE,
      amount: 1n,
      tokenId,
    });
    const changes = netBalanceChanges([nft(2n), nft(1n), native(ALICE, ALICE, 5n)], [ALICE]);
    expect(changes.map((change) => [change.account, change.tokenId, change.delta])).toEqual([
      [ALICE, 1n, 1n],
      [ALICE, 2n, 1n],
      [BOB, 1n, -1n],
      [BOB, 2n, -1n],
    ]);
  });

  it('lists the accounts of `first` in its order, then the rest by address, native before tokens', () => {
    const transfers = [erc20(CAROL, BOB, 3n), native(CAROL, ALICE, 1n), erc20(ALICE, CAROL, 2n)];
    const order = (first: (typeof ALICE)[]) =>
      netBalanceChanges(transfers, first).map((change) => `${change.account.slice(0, 6)} ${change.kind}`);
    // By address: CAROL (0x15…) before BOB (0x3C…) before ALICE (0x70…).
    expect(order([])).toEqual([
      '0x15d3 native',
      '0x15d3 erc20',
      '0x3C44 erc20',
      '0x7099 native',
      '0x7099 erc20',
    ]);
    expect(order([ALICE, BOB])).toEqual([
      '0x7099 native',
      '0x7099 erc20',
      '0x3C44 erc20',
      '0x15d3 native',
      '0x15d3 erc20',
    ]);
    expect(netBalanceChanges([...transfers].reverse(), [ALICE])).toEqual(
      netBalanceChanges(transfers, [ALICE]),
    );
  });
});
