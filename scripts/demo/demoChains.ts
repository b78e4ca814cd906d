import { DEFAULT_TOKEN_LISTS } from '../../src/main/chains/tokenList';
import { type AnvilNode, startAnvil } from '../../test/anvil/anvil';
import {
  anvilBatch,
  anvilCall,
  deployMulticall3,
  deployToken,
  fixtureAddress,
  setNativeBalances,
  setTokenBalances,
} from '../../test/anvil/chainSetup';
import { deploySafeContracts } from '../../test/anvil/safeContracts';
import { type BlockClock, startBlockClock } from './blockClock';
import { DEMO_PENDING_CHAIN, seedActivity } from './demoActivity';
import {
  amountOf,
  DEMO_ACCOUNTS,
  DEMO_CHAIN_IDS,
  DEMO_LEDGER_FUNDS,
  DEMO_TOKENS,
  type DemoToken,
} from './demoPortfolio';
import { seedPrices, startPriceKeeper } from './demoPrices';
import { seedReview } from './demoReview';

const TOTAL_SUPPLY = 10n ** 30n;

/** A block every 2 s: the wallet calls a transaction final at 12 confirmations, so entries settle in under 30 s. */
export const DEMO_BLOCK_INTERVAL_MS = 2_000;

/**
 * Starts one anvil per demo chain and seeds it: Multicall3 and the Safe v1.4.1 contracts (from their npm build
 * artifacts) at their canonical addresses, every token of the wallet's bundled list for that chain at its real
 * address (so no listed token reads as missing), the look-alike, the balances and the price feed stand-ins of
 * demoPortfolio.ts, the history of demoActivity.ts and the review's contracts of demoReview.ts. Nodes already
 * started are stopped if a later one fails.
 */
export async function startDemoChains(): Promise<AnvilNode[]> {
  const nodes: AnvilNode[] = [];
  try {
    for (const chainId of DEMO_CHAIN_IDS) nodes.push(await startAnvil(chainId));
    await Promise.all(nodes.map(seedChain));
    await seedActivity(nodes);
    await seedReview(nodes);
    return nodes;
  } catch (error) {
    await Promise.all(nodes.map((node) => node.stop()));
    throw error;
  }
}

async function seedChain({ chainId, url }: AnvilNode): Promise<void> {
  const tokens = DEMO_TOKENS.filter((token) => token.chainId === chainId);
  const balances = (token: DemoToken) =>
    DEMO_ACCOUNTS.map(({ label, address }): [string, bigint] => [address, amountOf(token, label)]);
  const contracts = [
    ...(DEFAULT_TOKEN_LISTS.get(chainId)?.tokens ?? []),
    ...tokens.filter((token) => token.source === 'user'),
  ];
  await deployMulticall3(url);
  // A deployer that is none of the wallet's accounts, so the demo history does not list the deployments.
  const deployer = fixtureAddress('demo', 'safe-deployer');
  await anvilBatch(url, [
    ['anvil_impersonateAccount', [deployer]],
    ['anvil_setBalance', [deployer, '0xde0b6b3a7640000']],
  ]);
  await deploySafeContracts(url, deployer);
  await anvilCall(url, 'anvil_stopImpersonatingAccount', [deployer]);
  await Promise.all(
    contracts.map((token) => deployToken(url, token.address, { ...token, totalSupply: TOTAL_SUPPLY })),
  );
  await Promise.all(
    tokens.map((token) =>
      token.source === 'native'
        ? setNativeBalances(url, balances(token))
        : setTokenBalances(url, token.address, balances(token)),
    ),
  );
  await seedPrices(url, chainId, Date.now());
  const ledgerFunds = DEMO_LEDGER_FUNDS.filter((fund) => fund.chainId === chainId);
  await setNativeBalances(
    url,
    ledgerFunds.map(({ address, wei }): [string, bigint] => [address, wei]),
  );
  // Past genesis, so the wallet reads a block that holds every change above.
  await anvilCall(url, 'evm_mine');
}

/**
 * Mines a block every DEMO_BLOCK_INTERVAL_MS on each demo chain but the one with the pending send: a block
 * there would include it, and the Send page's speed-up and cancel need it pending. Keeps the fresh price
 * feeds fresh on every chain as well (a storage write mines nothing, so the pending send stays pending).
 */
export function startDemoBlockClock(nodes: readonly AnvilNode[]): BlockClock {
  const mining = nodes.filter((node) => node.chainId !== DEMO_PENDING_CHAIN);
  const blocks = startBlockClock(
    mining.map((node) => node.url),
    DEMO_BLOCK_INTERVAL_MS,
  );
  const prices = startPriceKeeper(nodes);
  return {
    stop: async () => {
      await Promise.all([blocks.stop(), prices.stop()]);
    },
  };
}
