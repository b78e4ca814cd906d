import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { type ChecksumAddress, toChecksumAddress } from '../store/address';
import type { BridgeLeg, DecodedActivity } from './activity';
import { HistoryRepository, type IndexedTransaction } from './historyRepository';

const ME = toChecksumAddress('0x9858effd232b4033e47d90003d41ec34ecaeda94');
const FRIEND = toChecksumAddress('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
const TOKEN = toChecksumAddress('0x0b2c639c533813f4aa9d7837caf62653d097ff85');
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

const decorations = {
  label: (address: string) => (address === FRIEND ? 'Friend' : null),
  signedBy: () => null,
  safeExecution: () => null,
};

function indexed(
  n: number,
  options: {
    chainId?: number;
    from?: ChecksumAddress;
    legs?: BridgeLeg[];
    kind?: DecodedActivity['kind'];
  } = {},
): IndexedTransaction {
  const from = options.from ?? ME;
  return {
    raw: {
      chainId: options.chainId ?? 1,
      hash: hash(n),
      blockNumber: n,
      blockHash: hash(1_000 + n),
      timestamp: 1_700_000_000 + n,
      transactionIndex: 0,
      from,
      to: from === ME ? FRIEND : ME,
      contractAddress: null,
      value: 1n,
      input: '0x',
      nonce: n,
      status: 'success',
      gasUsed: 21_000n,
      effectiveGasPrice: 2n,
      logs: [],
    },
    provisional: false,
    entries: [
      {
        account: ME,
        activity: {
          kind: options.kind ?? (from === ME ? 'send' : 'receive'),
          method: null,
          assets: [],
          approval: null,
          bridgeLegs: options.legs ?? [],
        },
      },
    ],
  };
}

const leg = (role: BridgeLeg['role']): BridgeLeg => ({
  protocol: 'across',
  role,
  key: 'across:1:42',
  fromChainId: 1,
  toChainId: 10,
  token: null,
  amount: 5n,
});

describe('HistoryRepository', () => {
  const temp = useTempDatabase('history-repo-');

  it('pages the timeline newest first, by keyset, and refuses a cursor it did not give out', () => {
    const history = new HistoryRepository(temp.db);
    history.save(
      [1, 2, 3].map((n) => indexed(n)),
      [],
    );
    const first = history.page({ limit: 2 }, [ME], decorations, []);
    expect(first.entries.map((entry) => entry.hash)).toEqual([hash(3), hash(2)]);
    expect(first.entries[0]).toMatchObject({ to: FRIEND, toLabel: 'Friend', fee: '42000', kind: 'send' });
    const second = history.page({ limit: 2, after: first.next ?? undefined }, [ME], decorations, []);
    expect(second).toMatchObject({ next: null });
    expect(second.entries.map((entry) => entry.hash)).toEqual([hash(1)]);
    expect(() => history.page({ limit: 2, after: 'nope' }, [ME], decorations, [])).toThrow(/page cursor/);
    expect(history.page({ limit: 2 }, [], decorations, [])).toEqual({ entries: [], next: null });
  });

  it('folds a bridge’s destination into its source once both legs are stored', () => {
    const history = new HistoryRepository(temp.db);
    history.save([indexed(1, { kind: 'bridge', legs: [leg('source')] })], []);
    const pending = history.page({ limit: 10 }, [ME], decorations, []).entries;
    expect(pending.map((entry) => entry.bridge?.status)).toEqual(['pending']);

    history.save([indexed(2, { chainId: 10, from: FRIEND, kind: 'bridge', legs: [leg('destination')] })], []);
    const [arrived, ...rest] = history.page({ limit: 10 }, [ME], decorations, []).entries;
    expect(rest).toEqual([]);
    expect(arrived?.bridge).toEqual({
      protocol: 'across',
      fromChainId: 1,
      toChainId: 10,
      status: 'arrived',
      sourceHash: hash(1),
      destinationHash: hash(2),
      sourceTimestamp: 1_700_000_001,
      destinationTimestamp: 1_700_000_002,
    });
  });

  it('finds entries by hash and by the addresses a search names', () => {
    const history = new HistoryRepository(temp.db);
    history.save([indexed(1), indexed(2, { from: FRIEND })], []);
    const byHash = history.page(
      { limit: 10, search: hash(2).toUpperCase().replace('0X', '0x') },
      [ME],
      decorations,
      [],
    );
    expect(byHash.entries.map((entry) => entry.hash)).toEqual([hash(2)]);
    const byName = history.page({ limit: 10, search: 'friend' }, [ME], decorations, [FRIEND]);
    expect(byName.entries.map((entry) => entry.hash)).toEqual([hash(2), hash(1)]);
  });

  it('names an approval’s token as the catalogue knew it when stored, and its spender as the user does', () => {
    const history = new HistoryRepository(temp.db, (_chainId, token) =>
      token === TOKEN ? { symbol: 'USDC', decimals: 6 } : undefined,
    );
    const approving = indexed(1, { kind: 'approval' });
    const [entry] = approving.entries;
    if (!entry) throw new Error('no entry');
    entry.activity.approval = { token: TOKEN, spender: FRIEND, amount: 2n ** 256n - 1n, unlimited: true };
    history.save([approving], []);
    const [view] = history.page({ limit: 10 }, [ME], decorations, []).entries;
    expect(view?.approval).toEqual({
      token: TOKEN,
      symbol: 'USDC',
      decimals: 6,
      spender: FRIEND,
      spenderLabel: 'Friend',
      amount: (2n ** 256n - 1n).toString(),
      unlimited: true,
    });
    expect(history.page({ limit: 10, token: TOKEN }, [ME], decorations, []).entries).toHaveLength(1);
  });

  it('shows a token transfer between two own accounts once, by its decoded recipient', () => {
    const history = new HistoryRepository(temp.db);
    const transfer = indexed(1);
    transfer.raw = { ...transfer.raw, to: TOKEN, value: 0n, input: '0xa9059cbb' };
    const usdc = (direction: 'in' | 'out', counterparty: ChecksumAddress) => ({
      standard: 'erc20' as const,
      token: TOKEN,
      symbol: 'USDC',
      decimals: 6,
      amount: '1500000',
      tokenId: null,
      direction,
      counterparty,
    });
    const activity = (kind: 'send' | 'receive', asset: ReturnType<typeof usdc>) => ({
      kind,
      method: 'transfer',
      assets: [asset],
      approval: null,
      bridgeLegs: [],
    });
    transfer.entries = [
      { account: ME, activity: activity('send', usdc('out', FRIEND)) },
      { account: FRIEND, activity: activity('receive', usdc('in', ME)) },
    ];
    history.save([transfer], []);
    const page = (query: Parameters<HistoryRepository['page']>[0], accounts = [ME, FRIEND]) =>
      history.page(query, accounts, decorations, []).entries;
    expect(page({ limit: 10 })).toEqual([
      expect.objectContaining({
        account: ME,
        kind: 'send',
        to: TOKEN,
        counterparty: FRIEND,
        counterpartyLabel: 'Friend',
        betweenAccounts: true,
      }),
    ]);
    // Filtered to the receiver, or to receives, the transfer is still there, from the receiver's side.
    const receiver = expect.objectContaining({ account: FRIEND, counterparty: ME, betweenAccounts: true });
    expect(page({ limit: 10, accounts: [FRIEND] })).toEqual([receiver]);
    expect(page({ limit: 10, kinds: ['receive'] })).toEqual([receiver]);
    // An address that is not one of the wallet's accounts is an ordinary counterparty.
    expect(page({ limit: 10 }, [ME])).toEqual([
      expect.objectContaining({ account: ME, counterparty: FRIEND, betweenAccounts: false }),
    ]);
  });

  it('rewrites a stored transaction in place: newer block facts and meaning, same ids, no second row', () => {
    const history = new HistoryRepository(temp.db);
    history.save([{ ...indexed(1), provisional: true }], []);
    const [first] = history.page({ limit: 10 }, [ME], decorations, []).entries;

    const again = indexed(1);
    again.raw = { ...again.raw, blockHash: hash(9_999), status: 'failed', gasUsed: 30_000n };
    const [entry] = again.entries;
    if (!entry) throw new Error('no entry');
    entry.activity = { ...entry.activity, kind: 'contract-call', method: 'multicall' };
    // The same transaction, now also one of FRIEND's: its entry joins the one already stored.
    again.entries.push({ account: FRIEND, activity: { ...entry.activity, kind: 'receive', method: null } });
    history.save([again], []);

    const entries = history.page({ limit: 10 }, [ME, FRIEND], decorations, []).entries;
    expect(entries).toEqual([
      expect.objectContaining({ account: FRIEND, kind: 'receive', fee: null }),
      expect.objectContaining({
        id: first?.id,
        account: ME,
        kind: 'contract-call',
        method: 'multicall',
        status: 'failed',
        provisional: false,
        fee: '60000',
      }),
    ]);
    expect(history.provisional(1)).toEqual([]);
    const rows = temp.db
      .prepare<[], { id: number; blockHash: string }>(
        'SELECT id, block_hash AS blockHash FROM history_transactions',
      )
      .all();
    expect(rows).toEqual([{ id: 1, blockHash: hash(9_999) }]);
  });

  it('confirms provisional blocks, and rolls a reorg back', () => {
    const history = new HistoryRepository(temp.db);
    history.save(
      [1, 2, 3].map((n) => ({ ...indexed(n), provisional: true })),
      [],
    );
    expect(history.provisional(1).map((block) => block.blockNumber)).toEqual([1, 2, 3]);
    expect(history.confirm(1, 1)).toBe(1);
    expect(history.rollback(1, 3, { blockNumber: 2, blockHash: hash(1_002) })).toBe(1);
    expect(history.provisional(1).map((block) => block.blockNumber)).toEqual([2]);
    expect(history.counterparties(ME)).toEqual([FRIEND]);
  });
});
