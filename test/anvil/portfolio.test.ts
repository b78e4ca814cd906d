import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { Interface } from 'ethers/abi';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChainStatus,
  ChainsService,
  type ChainsServiceOptions,
} from '../../src/main/chains/chainsService';
import type { RpcExchange } from '../../src/main/rpc/rpcClient';
import { TokensRepository } from '../../src/main/chains/tokensRepository';
import { createLogger } from '../../src/main/log';
import type { ChecksumAddress } from '../../src/main/store/address';
import { ERC20_ABI, REVERTING_RUNTIME, SHORT_ANSWER_RUNTIME } from '../contracts/erc20';
import { useAnvilChains } from './useAnvilChains';
import {
  ANVIL_DEV_ACCOUNT,
  anvilCall,
  chainBalances,
  deployCode,
  deployToken,
  fixtureAddress,
  setTokenBalances,
  sendAndMine,
} from './chainSetup';
import {
  fixtureAccounts,
  localChain,
  openWalletDatabase,
  type SeededChain,
  seedPortfolio,
  STAND_INS,
  type WalletDatabase,
} from './portfolioFixture';

const ACCOUNTS = fixtureAccounts(10);
const TOKENS_PER_CHAIN = 30;
// Failures must show quickly here; the defaults are for real networks.
const FAST_RPC = { timeoutMs: 2_000, retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 20 } };
const [ETHEREUM, ARBITRUM, BASE] = STAND_INS;

const nodes = useAnvilChains(STAND_INS);
const seeded = new Map<number, SeededChain>();
const url = (chainId: number) =>
  nodes[STAND_INS.indexOf(chainId as (typeof STAND_INS)[number])]?.url as string;

beforeAll(async () => {
  await Promise.all(
    STAND_INS.map(async (id) => seeded.set(id, await seedPortfolio(url(id), id, ACCOUNTS, TOKENS_PER_CHAIN))),
  );
});

interface Harness {
  service: ChainsService;
  exchanges: RpcExchange[];
  statuses: ChainStatus[];
  logs: Record<string, unknown>[];
  tokens: TokensRepository;
}

let wallet: WalletDatabase | undefined;
let open: ChainsService | undefined;
afterEach(() => {
  open?.close();
  wallet?.close();
  open = wallet = undefined;
});

function harness(overrides: Partial<ChainsServiceOptions> = {}): Harness {
  wallet = openWalletDatabase();
  const exchanges: RpcExchange[] = [];
  const statuses: ChainStatus[] = [];
  const logs: Record<string, unknown>[] = [];
  const tokens = new TokensRepository(wallet.db);
  for (const chain of seeded.values()) for (const token of chain.userTokens) tokens.addUserToken(token);
  open = new ChainsService({
    db: wallet.db,
    chains: STAND_INS.map((id) => localChain(id, url(id))),
    accounts: () => ACCOUNTS,
    log: createLogger('chains', (line) => logs.push(JSON.parse(line))),
    events: { status: (status) => statuses.push(status), progress: () => {} },
    rpc: { ...FAST_RPC, onExchange: (exchange) => exchanges.push(exchange) },
    ...overrides,
  });
  return { service: open, exchanges, statuses, logs, tokens };
}

const perChain = (exchanges: RpcExchange[], chainId: number) =>
  exchanges.filter((exchange) => exchange.chainId === chainId).map((exchange) => exchange.methods);

describe('portfolio on three local chains', () => {
  it('reads every balance of 10 accounts × 30 tokens × 3 chains exactly as the chains hold them', async () => {
    const { service } = harness();
    const statuses = await service.refresh();
    expect(statuses.map((status) => [status.chainId, status.state])).toEqual(
      STAND_INS.map((id) => [id, 'ok']),
    );

    const { holdings } = service.portfolio();
    expect(holdings).toHaveLength(STAND_INS.length * ACCOUNTS.length * (TOKENS_PER_CHAIN + 1));
    for (const chainId of STAND_INS) {
      const mine = holdings.filter((holding) => holding.chainId === chainId);
      const truth = await chainBalances(
        url(chainId),
        mine.map((holding) => [holding.account, holding.token]),
      );
      expect(mine.map((holding) => holding.amount)).toEqual(truth.map(String));
      const head = BigInt((await anvilCall(url(chainId), 'eth_blockNumber')) as string);
      expect(mine.every((holding) => holding.available && BigInt(holding.blockNumber ?? -1) === head)).toBe(
        true,
      );
    }
  });

  it('costs one eth_call per chain, in one POST per chain', async () => {
    const { service, exchanges } = harness();
    await service.refresh();
    // The first contact also checks each endpoint's chain id, in the same POST as the read.
    for (const chainId of STAND_INS) {
      expect(perChain(exchanges, chainId)).toEqual([['eth_chainId', 'eth_call']]);
    }

    exchanges.length = 0;
    await service.refresh();
    expect(exchanges).toHaveLength(STAND_INS.length);
    expect(exchanges.reduce((calls, exchange) => calls + exchange.calls, 0)).toBe(STAND_INS.length);
    for (const chainId of STAND_INS) {
      expect(perChain(exchanges, chainId)).toEqual([['eth_call']]);
    }

    // A poll on an interval reads nothing more while no head has moved.
    exchanges.length = 0;
    await service.refresh({ onlyIfMoved: true });
    expect(exchanges.map((exchange) => exchange.methods)).toEqual(STAND_INS.map(() => ['eth_blockNumber']));
  });

  it('writes only the balances that changed, after a real transfer', async () => {
    const { service, logs } = harness();
    await service.refresh();
    const erc20 = new Interface(ERC20_ABI);
    const [token] = seeded.get(BASE)?.tokens ?? [];
    await setTokenBalances(url(BASE), token as string, [[ANVIL_DEV_ACCOUNT, 10n ** 18n]]);
    await sendAndMine(url(BASE), {
      from: ANVIL_DEV_ACCOUNT,
      to: token,
      data: erc20.encodeFunctionData('transfer', [ACCOUNTS[3], 5n]),
    });

    logs.length = 0;
    await service.refresh({ onlyIfMoved: true });
    // Only Base's head moved, and of its tracked balances only the recipient's token balance changed (the
    // ANVIL_DEV_ACCOUNT, who also paid the gas, is not a tracked account).
    const changes = logs.filter((entry) => entry.message === 'balances changed');
    expect(changes.map((entry) => [entry.chainId, entry.written, entry.removed])).toEqual([[BASE, 1, 0]]);
    const holding = service
      .portfolio()
      .holdings.find((h) => h.chainId === BASE && h.account === ACCOUNTS[3] && h.token === token);
    const [truth] = await chainBalances(url(BASE), [[ACCOUNTS[3] as string, token as string]]);
    expect(holding?.amount).toBe(String(truth));
  });

  it('refuses an endpoint that answers another chain id, and uses nothing it sent', async () => {
    const { service, exchanges } = harness({
      chains: [localChain(ARBITRUM, url(ETHEREUM), url(ARBITRUM)), localChain(BASE, url(ETHEREUM))],
    });
    const [arbitrum, base] = await service.refresh();

    const wrongHost = new URL(url(ETHEREUM)).host;
    expect(arbitrum).toMatchObject({ state: 'ok', endpoint: new URL(url(ARBITRUM)).host });
    expect(base).toMatchObject({ state: 'stale', lastRead: null });
    expect(base?.reason).toMatch(/serves chain 1, not Base \(8453\)/);
    // The wrong node got one POST per chain (its chain check and a read whose answer was dropped), nothing more.
    expect(exchanges.filter((e) => e.host === wrongHost).map((e) => e.methods)).toEqual([
      ['eth_chainId', 'eth_call'],
      ['eth_chainId', 'eth_call'],
    ]);
    const { holdings } = service.portfolio();
    expect(holdings.some((h) => h.chainId === BASE)).toBe(false);
    const arbitrumHoldings = holdings.filter((h) => h.chainId === ARBITRUM);
    const truth = await chainBalances(
      url(ARBITRUM),
      arbitrumHoldings.map((h) => [h.account, h.token]),
    );
    expect(arbitrumHoldings.map((h) => h.amount)).toEqual(truth.map(String));
  });

  it('marks only a killed chain stale, keeps its last balances, and recovers when it returns', async () => {
    const { service } = harness();
    const [first] = (await service.refresh()).filter((status) => status.chainId === BASE);
    const before = service.portfolio().holdings.filter((h) => h.chainId === BASE);

    const baseNode = nodes[STAND_INS.indexOf(BASE)];
    await baseNode?.kill();
    try {
      const statuses = await service.refresh();
      expect(statuses.map((status) => [status.chainId, status.state])).toEqual([
        [ETHEREUM, 'ok'],
        [ARBITRUM, 'ok'],
        [BASE, 'stale'],
      ]);
      const stale = statuses.find((status) => status.chainId === BASE);
      expect(stale?.reason).toMatch(
        /No RPC endpoint of Base answered.*could not be reached \(ECONNREFUSED\)/,
      );
      expect(stale?.reason).not.toContain('http://');
      expect(stale?.lastRead).toEqual(first?.lastRead);
      expect(service.portfolio().holdings.filter((h) => h.chainId === BASE)).toEqual(before);
    } finally {
      await baseNode?.restart();
    }
    seeded.set(BASE, await seedPortfolio(url(BASE), BASE, ACCOUNTS, TOKENS_PER_CHAIN));

    const recovered = (await service.refresh()).find((status) => status.chainId === BASE);
    expect(recovered).toMatchObject({ state: 'ok', reason: null });
    const after = service.portfolio().holdings.filter((h) => h.chainId === BASE);
    const truth = await chainBalances(
      url(BASE),
      after.map((h) => [h.account, h.token]),
    );
    expect(after.map((h) => h.amount)).toEqual(truth.map(String));
  });

  describe('with a chain whose RPC never answers', () => {
    let silent: Server;
    beforeAll(async () => {
      silent = createServer(() => {});
      silent.listen(0, '127.0.0.1');
      await once(silent, 'listening');
    });
    afterAll(async () => {
      silent.closeAllConnections();
      silent.close();
    });

    it('reports the other chains without waiting for it', async () => {
      const { port } = silent.address() as { port: number };
      const { service, statuses } = harness({
        chains: [
          localChain(10, `http://127.0.0.1:${port}`),
          ...STAND_INS.map((id) => localChain(id, url(id))),
        ],
        rpc: { timeoutMs: 500, retry: { attempts: 1 } },
      });
      const result = await service.refresh();
      expect(result.find((status) => status.chainId === 10)).toMatchObject({ state: 'stale' });
      expect(result.find((status) => status.chainId === 10)?.reason).toMatch(/did not answer within 500 ms/);
      // Every local chain reported before the silent one gave up.
      expect(statuses.map((status) => status.chainId).toSorted()).toEqual([...STAND_INS, 10].toSorted());
      expect(statuses.at(-1)?.chainId).toBe(10);
    });
  });

  describe('tokens', () => {
    const LOOK_ALIKE = fixtureAddress('look-alike', 'usdc');

    it('flags a token whose symbol imitates USDC with another script', async () => {
      await deployToken(url(ETHEREUM), LOOK_ALIKE, {
        name: 'USD Coin',
        symbol: 'USDС', // the last letter is Cyrillic
        decimals: 6,
        totalSupply: 10n ** 12n,
      });
      const { service } = harness();
      const token = await service.addToken(ETHEREUM, LOOK_ALIKE.toLowerCase());
      expect(token).toMatchObject({ address: LOOK_ALIKE, symbol: 'USDС', decimals: 6, source: 'user' });

      const warnings = service
        .portfolio()
        .warnings.filter((w) => w.tokens.includes(LOOK_ALIKE as ChecksumAddress));
      expect(warnings).toEqual([
        expect.objectContaining({
          chainId: ETHEREUM,
          kind: 'same-symbol',
          severity: 'danger',
          tokens: [LOOK_ALIKE, '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'],
        }),
      ]);
      expect(warnings[0]?.message).toMatch(/look alike but use different characters/);
    });

    it('hides a token that arrived unasked and does not read it until the user shows it', async () => {
      const { service, exchanges } = harness();
      const spam = fixtureAddress('spam', 1) as ChecksumAddress;
      await deployToken(url(ETHEREUM), spam, {
        name: 'Claim rewards',
        symbol: 'CLAIM',
        decimals: 18,
        totalSupply: 1n,
      });
      service.recordDiscoveredToken({
        chainId: ETHEREUM,
        address: spam,
        symbol: 'CLAIM',
        name: 'Claim rewards',
        decimals: 18,
      });

      const listed = service.tokens(ETHEREUM).find((token) => token.address === spam);
      expect(listed).toMatchObject({ source: 'discovered', hidden: true });
      expect(service.portfolio().warnings).toContainEqual(
        expect.objectContaining({ kind: 'unrequested', tokens: [spam], severity: 'danger' }),
      );
      await service.refresh();
      expect(service.portfolio().holdings.some((h) => h.token === spam)).toBe(false);

      service.setTokenHidden(ETHEREUM, spam, false);
      exchanges.length = 0;
      await service.refresh();
      expect(service.portfolio().holdings.filter((h) => h.token === spam)).toHaveLength(ACCOUNTS.length);
    });

    it('marks a balance unavailable, not zero, when its token fails, and reads the rest', async () => {
      const reverting = fixtureAddress('broken', 'reverting') as ChecksumAddress;
      const short = fixtureAddress('broken', 'short') as ChecksumAddress;
      await deployCode(url(ARBITRUM), reverting, REVERTING_RUNTIME);
      await deployCode(url(ARBITRUM), short, SHORT_ANSWER_RUNTIME);
      const { service, tokens } = harness();
      for (const address of [reverting, short]) {
        tokens.addUserToken({ chainId: ARBITRUM, address, symbol: 'BROKEN', name: 'Broken', decimals: 18 });
      }
      const statuses = await service.refresh();
      expect(statuses.every((status) => status.state === 'ok')).toBe(true);
      const holdings = service.portfolio().holdings.filter((h) => h.chainId === ARBITRUM);
      const broken = holdings.filter((h) => h.token === reverting || h.token === short);
      expect(broken).toHaveLength(2 * ACCOUNTS.length);
      expect(broken.every((h) => h.amount === null && !h.available && h.blockNumber === null)).toBe(true);
      expect(holdings.filter((h) => h.available)).toHaveLength(ACCOUNTS.length * (TOKENS_PER_CHAIN + 1));
    });

    it.each([
      [
        'an account without code',
        fixtureAddress('nobody'),
        undefined,
        /There is no contract at .* on Ethereum/,
      ],
      [
        'a contract that reverts',
        fixtureAddress('revert-all'),
        REVERTING_RUNTIME,
        /does not answer decimals\(\)/,
      ],
      [
        'a contract with malformed answers',
        fixtureAddress('short-all'),
        SHORT_ANSWER_RUNTIME,
        /does not answer/,
      ],
    ])('refuses to add %s as a token', async (_, address, runtime, message) => {
      if (runtime) await deployCode(url(ETHEREUM), address, runtime);
      const { service } = harness();
      await expect(service.addToken(ETHEREUM, address)).rejects.toMatchObject({
        code: 'not_a_token',
        message,
      });
    });
  });
});
