import { Interface } from 'ethers/abi';
import { zeroPadValue } from 'ethers/utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blockTimestamp, mineNextAt, sendAndMine } from '../../../test/anvil/chainSetup';
import { localChain } from '../../../test/anvil/portfolioFixture';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import {
  ethereumToBaseBurn,
  CCTP_MESSAGE_TRANSMITTER_ABI,
  CCTP_TOKEN_MESSENGER_ABI,
} from '../../../test/contracts/cctp';
import {
  deployCctpMessageTransmitter,
  deployCctpTokenMessenger,
} from '../../../test/contracts/deployDoubles';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import type { EventName, EventPayload } from '../../shared/api/contract';
import type { HistorySyncState } from '../../shared/history';
import { createEventHub } from '../api/events';
import { RpcClient } from '../rpc/rpcClient';
import { createLogger } from '../log';
import { type ChecksumAddress, toChecksumAddress } from '../store/address';
import { createRepositories } from '../store/repositories';
import { CCTP_MESSAGE_TRANSMITTERS, CCTP_TOKEN_MESSENGERS, CCTP_USDC } from './decode/bridges/cctp';
import { decodeActivity } from './decode/decodeActivity';
import { HistoryService, type HistoryServiceOptions } from './historyService';
import { chooseProvider } from './providers/chooseProvider';
import { fetchTransactions } from './providers/transactionFetcher';

// Ethereum and Base, with the CCTP doubles at the real contracts' addresses.
const nodes = useAnvilChains([1, 8453]);
const temp = useTempDatabase('history-service-');
const url = (chainId: number) => nodes.find((node) => node.chainId === chainId)?.url as string;

const USER = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const FRIEND = toChecksumAddress('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
const SAFE = toChecksumAddress('0x1111111111111111111111111111111111111111');
const messenger = new Interface(CCTP_TOKEN_MESSENGER_ABI);
const transmitter = new Interface(CCTP_MESSAGE_TRANSMITTER_ABI);
const hashOf = (receipt: unknown) => (receipt as { transactionHash: string }).transactionHash;
let burnHash = '';
let redeemHash = '';
let sendHash = '';

beforeAll(async () => {
  await deployCctpTokenMessenger(
    url(1),
    CCTP_TOKEN_MESSENGERS[1] as string,
    CCTP_TOKEN_MESSENGERS[8453] as string,
  );
  await deployCctpMessageTransmitter(url(8453), CCTP_MESSAGE_TRANSMITTERS[8453] as string);
  sendHash = hashOf(await sendAndMine(url(1), { from: USER, to: FRIEND, value: '0x16345785d8a0000' }));
  const burn = await sendAndMine(url(1), {
    from: USER,
    to: CCTP_TOKEN_MESSENGERS[1],
    data: messenger.encodeFunctionData('depositForBurn', [
      7_000_000n,
      6,
      zeroPadValue(USER, 32),
      CCTP_USDC[1],
    ]),
  });
  burnHash = hashOf(burn);
  const { message } = ethereumToBaseBurn(USER, 7_000_000n);
  await mineNextAt(url(8453), (await blockTimestamp(url(1), burn.blockNumber)) + 300);
  redeemHash = hashOf(
    await sendAndMine(url(8453), {
      from: USER,
      to: CCTP_MESSAGE_TRANSMITTERS[8453],
      data: transmitter.encodeFunctionData('receiveMessage', [message, '0x']),
    }),
  );
});

const running: HistoryService[] = [];
afterEach(() => {
  for (const service of running.splice(0)) service.stop();
});

function service(options: Pick<HistoryServiceOptions, 'safeExecution'> = {}) {
  const repositories = createRepositories(temp.db);
  for (const [address, label] of [
    [USER, 'Main'],
    [FRIEND, ''],
  ] as const) {
    repositories.accounts.add({
      signer: 'watch',
      deviceFingerprint: null,
      derivationScheme: null,
      derivationPath: null,
      address: address as ChecksumAddress,
      label,
    });
  }
  repositories.labels.set({
    address: FRIEND as ChecksumAddress,
    chainId: null,
    kind: 'eoa',
    name: '=Friend',
    note: '',
  });
  const events = createEventHub();
  const progress: HistorySyncState[] = [];
  const changed: number[][] = [];
  events.subscribe((name: EventName, payload: EventPayload<EventName>) => {
    if (name === 'history.progress') progress.push(payload as HistorySyncState);
    if (name === 'history.changed') changed.push((payload as { chainIds: number[] }).chainIds);
  });
  const connections = [1, 8453].map((chainId) => ({
    chain: localChain(chainId, url(chainId)),
    client: new RpcClient({
      chainId,
      chainName: `Chain ${chainId}`,
      urls: [url(chainId)],
      retry: { attempts: 1 },
    }),
    signal: new AbortController().signal,
  }));
  const history = new HistoryService({
    db: temp.db,
    repositories,
    connections: async () => connections,
    chooseProvider: ({ chain, client, signal }) => chooseProvider(chain, client, {}, signal),
    decode: decodeActivity,
    fetch: fetchTransactions,
    tokens: (chainId, address) =>
      address === CCTP_USDC[chainId] ? { symbol: 'USDC', decimals: 6 } : undefined,
    events,
    log: createLogger('history', () => {}),
    confirmations: 2,
    now: () => Date.UTC(2026, 10, 24),
    ...options,
  });
  running.push(history);
  return { history, progress, changed, repositories };
}

describe('HistoryService on two anvil chains', () => {
  it('links a bridge’s source and destination legs into one arrived entry', async () => {
    const { history, progress, changed } = service();
    const states = await history.sync();
    expect(states.map((state) => [state.chainId, state.state, state.provider])).toEqual([
      [1, 'synced', 'otterscan'],
      [8453, 'synced', 'otterscan'],
    ]);
    expect(progress.some((state) => state.state === 'syncing')).toBe(true);
    expect(changed.flat().toSorted()).toEqual([1, 8453]);

    const mine = history.page({ accounts: [USER], limit: 50 }).entries;
    const bridged = mine.filter((entry) => entry.kind === 'bridge');
    expect(bridged).toEqual([
      expect.objectContaining({
        hash: burnHash,
        chainId: 1,
        assets: [expect.objectContaining({ symbol: 'USDC', amount: '7000000', direction: 'out' })],
        bridge: expect.objectContaining({
          protocol: 'cctp',
          fromChainId: 1,
          toChainId: 8453,
          status: 'arrived',
          sourceHash: burnHash,
          destinationHash: redeemHash,
        }),
      }),
    ]);
    const bridge = bridged[0]?.bridge;
    expect((bridge?.destinationTimestamp ?? 0) - (bridge?.sourceTimestamp ?? 0)).toBe(300);
    // The redeem on Base is part of that entry, not a second one.
    expect(mine.some((entry) => entry.hash === redeemHash)).toBe(false);
  });

  it('finds entries by hash and by a label, and names the counterparty', async () => {
    const { history } = service();
    await history.sync();
    // The send is between two of the wallet's accounts: one entry, the sender's, naming the receiver.
    const byHash = history.page({ search: sendHash, limit: 5 }).entries;
    expect(
      byHash.map((entry) => [entry.account, entry.kind, entry.counterparty, entry.betweenAccounts]),
    ).toEqual([[USER, 'send', FRIEND, true]]);
    const received = history.page({ search: sendHash, accounts: [FRIEND], limit: 5 }).entries;
    expect(received.map((entry) => [entry.account, entry.kind, entry.fromLabel])).toEqual([
      [FRIEND, 'receive', 'Main'],
    ]);
    const byLabel = history.page({ search: 'friend', accounts: [USER], limit: 5 }).entries;
    expect(byLabel.map((entry) => [entry.hash, entry.toLabel])).toEqual([[sendHash, '=Friend']]);
    expect(() => history.page({ after: 'page 2', limit: 5 })).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
  });

  it('shows the Safe a transaction the wallet sent executed, naming each owner who signed', async () => {
    const signer = { kind: 'ledger' as const, label: 'Nano X', fingerprint: 'ledger:4f2a9c', blind: false };
    const { history } = service({
      safeExecution: (chainId, hash) =>
        chainId === 1 && hash === sendHash
          ? {
              address: SAFE,
              name: 'Vault',
              signers: [
                { owner: USER, ...signer },
                { owner: SAFE, ...signer },
              ],
            }
          : null,
    });
    await history.sync();
    const [sent] = history.page({ search: sendHash, accounts: [USER], limit: 5 }).entries;
    expect(sent?.safe).toEqual({
      address: SAFE,
      name: 'Vault',
      signers: [
        { owner: USER, ownerLabel: 'Main', ...signer },
        { owner: SAFE, ownerLabel: null, ...signer },
      ],
    });
    // The receiver did not send it: no Safe, as no fee and no signing device.
    const [received] = history.page({ search: sendHash, accounts: [FRIEND], limit: 5 }).entries;
    expect(received?.safe).toBeNull();
  });

  it('exports the filtered timeline as CSV, with formula-like cells defused', async () => {
    const { history } = service();
    await history.sync();
    const { fileName, contents } = history.exportCsv({ accounts: [USER] });
    expect(fileName).toBe('ledgerline-history-2026-11-24.csv');
    const lines = contents.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'date,chain_id,hash,account,kind,status,assets,counterparty,counterparty_label,fee_wei,signed_by,note',
    );
    expect(lines).toHaveLength(1 + history.page({ accounts: [USER], limit: 200 }).entries.length);
    // The label the user typed is data, never a formula a spreadsheet would run.
    expect(lines.find((line) => line.includes(sendHash))).toContain(
      `,between-accounts,success,-0.1 ETH,${FRIEND},'=Friend,`,
    );
    expect(lines.find((line) => line.includes(burnHash))).toContain('-7.0 USDC');
  });

  it('shows a note on every entry of its transaction, through a re-index, and finds it by search', async () => {
    const { history, repositories } = service();
    await history.sync();
    repositories.txNotes.set({ chainId: 1, hash: sendHash, note: 'Rent for March' });
    const notes = (search: string) =>
      history
        .page({ search, limit: 50 })
        .entries.map((entry) => [entry.hash, entry.account, entry.note])
        .toSorted();
    // Between two of the wallet's accounts, the transaction is one entry; the receiver's has the note too.
    const both = [[sendHash, USER, 'Rent for March']];
    expect(history.page({ search: 'rent', accounts: [FRIEND], limit: 5 }).entries[0]?.note).toBe(
      'Rent for March',
    );
    expect(notes('rent for')).toEqual(both);
    expect(notes('MARCH')).toEqual(both);
    expect(notes(sendHash)).toEqual(both);
    const others = history.page({ limit: 50 }).entries.filter((entry) => entry.hash !== sendHash);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((entry) => entry.note === null)).toBe(true);

    // The indexed history is derived: wiped and rebuilt (a reorg, a re-index), the note is found again.
    temp.db.exec('DELETE FROM history_transactions; DELETE FROM chain_cursors;');
    expect(history.page({ limit: 50 }).entries).toEqual([]);
    await history.sync();
    expect(notes('rent')).toEqual(both);
    // A label search still works alongside, and a note search that matches nothing finds nothing.
    expect(notes('friend').length).toBeGreaterThan(0);
    expect(notes('no such words')).toEqual([]);
  });

  it('exports each entry’s note as the last CSV column, with formula-like notes defused', async () => {
    const { history, repositories } = service();
    await history.sync();
    repositories.txNotes.set({ chainId: 1, hash: sendHash, note: '-1+cmd|"/C calc"!A0, for "rent"' });
    repositories.txNotes.set({ chainId: 1, hash: burnHash, note: 'Bridge to Base for the airdrop' });
    const lines = history
      .exportCsv({ accounts: [USER] })
      .contents.trimEnd()
      .split('\r\n');
    expect(lines.find((line) => line.includes(sendHash))).toMatch(
      /,"'-1\+cmd\|""\/C calc""!A0, for ""rent"""$/,
    );
    expect(lines.find((line) => line.includes(burnHash))).toMatch(/,Bridge to Base for the airdrop$/);
    const unnoted = lines.slice(1).filter((line) => !line.includes(sendHash) && !line.includes(burnHash));
    expect(unnoted.every((line) => line.endsWith(','))).toBe(true);
  });

  it('reads a transaction that just settled on the chain it settled on, after the run under way', async () => {
    const { history, progress } = service();
    const first = history.sync();
    const late = hashOf(await sendAndMine(url(1), { from: FRIEND, to: USER, value: '0x1' }));
    await history.syncAfterCurrent([1]);
    // The run that was under way may have read the head before that block; the one after it cannot have.
    expect(
      history.page({ search: late, limit: 5 }).entries.map((entry) => [entry.kind, entry.betweenAccounts]),
    ).toEqual([['send', true]]);
    await first;
    const seen = progress.length;
    await history.syncAfterCurrent([1]);
    expect(new Set(progress.slice(seen).map((state) => state.chainId))).toEqual(new Set([1]));
  });
});
