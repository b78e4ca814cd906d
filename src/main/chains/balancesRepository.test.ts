import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fixtureAccounts,
  openWalletDatabase,
  type WalletDatabase,
} from '../../../test/anvil/portfolioFixture';
import type { ChecksumAddress } from '../store/address';
import type { BalanceEntry, ChainBalances } from './balanceReader';
import { BalancesRepository } from './balancesRepository';

const [ALICE, BOB] = fixtureAccounts(2) as [ChecksumAddress, ChecksumAddress];
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48' as ChecksumAddress;
const HUGE = 2n ** 256n - 1n;

let wallet: WalletDatabase;
let repository: BalancesRepository;
beforeEach(() => {
  wallet = openWalletDatabase();
  repository = new BalancesRepository(wallet.db);
});
afterEach(() => wallet.close());

const read = (blockNumber: number, entries: BalanceEntry[], chainId = 1): ChainBalances => ({
  chainId,
  blockNumber,
  blockTimestamp: 1_700_000_000 + blockNumber,
  entries,
  feeds: [],
});

describe('BalancesRepository', () => {
  it('stores amounts exactly, as decimal text, with the block they were read at', () => {
    repository.save(
      read(10, [
        { account: ALICE, token: 'native', amount: HUGE },
        { account: ALICE, token: USDC, amount: 0n },
      ]),
      1_000,
    );
    expect(repository.all()).toEqual([
      {
        chainId: 1,
        account: ALICE,
        token: USDC,
        amount: 0n,
        blockNumber: 10,
        available: true,
        updatedAt: 1_000,
      },
      {
        chainId: 1,
        account: ALICE,
        token: 'native',
        amount: HUGE,
        blockNumber: 10,
        available: true,
        updatedAt: 1_000,
      },
    ]);
    expect(
      wallet.db.prepare("SELECT amount, typeof(amount) AS type FROM balances WHERE token = 'native'").get(),
    ).toEqual({
      amount: HUGE.toString(),
      type: 'text',
    });
    expect(repository.reads()).toEqual([
      { chainId: 1, blockNumber: 10, blockTimestamp: 1_700_000_010, readAt: 1_000 },
    ]);
  });

  it('writes only what changed, and moves the read block either way', () => {
    const entries = [
      { account: ALICE, token: 'native' as const, amount: 5n },
      { account: BOB, token: 'native' as const, amount: 7n },
    ];
    expect(repository.save(read(10, entries), 1_000)).toEqual({ written: 2, removed: 0 });
    expect(repository.save(read(11, entries), 2_000)).toEqual({ written: 0, removed: 0 });
    expect(
      repository.save(
        read(12, [entries[0] as BalanceEntry, { account: BOB, token: 'native', amount: 8n }]),
        3_000,
      ),
    ).toEqual({
      written: 1,
      removed: 0,
    });
    expect(repository.forChain(1).map((b) => [b.account, b.amount, b.blockNumber, b.updatedAt])).toEqual(
      expect.arrayContaining([
        [ALICE, 5n, 10, 1_000],
        [BOB, 8n, 12, 3_000],
      ]),
    );
    expect(repository.reads()[0]).toMatchObject({ blockNumber: 12, readAt: 3_000 });
  });

  it('keeps the last good amount of a balance that could not be read, marked unavailable', () => {
    repository.save(read(10, [{ account: ALICE, token: USDC, amount: 5n }]), 1_000);
    expect(repository.save(read(11, [{ account: ALICE, token: USDC, amount: null }]), 2_000)).toEqual({
      written: 1,
      removed: 0,
    });
    expect(repository.save(read(12, [{ account: ALICE, token: USDC, amount: null }]), 3_000)).toEqual({
      written: 0,
      removed: 0,
    });
    expect(repository.all()).toEqual([
      {
        chainId: 1,
        account: ALICE,
        token: USDC,
        amount: 5n,
        blockNumber: 10,
        available: false,
        updatedAt: 2_000,
      },
    ]);
    repository.save(read(13, [{ account: ALICE, token: USDC, amount: 5n }]), 4_000);
    expect(repository.all()[0]).toMatchObject({ amount: 5n, blockNumber: 13, available: true });
  });

  it('records a balance never read successfully as unavailable with no amount, never as zero', () => {
    repository.save(read(10, [{ account: ALICE, token: USDC, amount: null }]), 1_000);
    expect(repository.all()[0]).toMatchObject({ amount: null, blockNumber: null, available: false });
  });

  it('drops balances a read no longer covers, on that chain only', () => {
    repository.save(
      read(10, [
        { account: ALICE, token: USDC, amount: 1n },
        { account: BOB, token: USDC, amount: 2n },
      ]),
    );
    repository.save(read(20, [{ account: ALICE, token: USDC, amount: 3n }], 10));
    expect(repository.save(read(11, [{ account: ALICE, token: USDC, amount: 1n }]))).toEqual({
      written: 0,
      removed: 1,
    });
    expect(repository.all().map((b) => [b.chainId, b.account])).toEqual([
      [1, ALICE],
      [10, ALICE],
    ]);
  });

  it('stores a read whole or not at all', () => {
    repository.save(read(10, [{ account: ALICE, token: USDC, amount: 1n }]), 1_000);
    const broken = read(11, [
      { account: BOB, token: USDC, amount: 2n },
      { account: 'not an address' as ChecksumAddress, token: USDC, amount: 3n },
    ]);
    expect(() => repository.save(broken, 2_000)).toThrow(/CHECK constraint failed: balance_account/);
    expect(repository.all()).toHaveLength(1);
    expect(repository.reads()[0]).toMatchObject({ blockNumber: 10 });
  });

  it('refuses text that is not a canonical decimal amount', () => {
    const insert = (amount: string) =>
      wallet.db
        .prepare(
          'INSERT INTO balances (chain_id, account, token, amount, block_number, available, updated_at) VALUES (1, ?, ?, ?, 1, 1, 0)',
        )
        .run(ALICE, `native`, amount);
    for (const bad of ['', '-1', '01', '1.5', '1e3', ' 1', '9'.repeat(79)]) {
      expect(() => insert(bad), bad).toThrow(/balance_amount/);
    }
  });
});
