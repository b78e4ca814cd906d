import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEventHub } from '../../src/main/api/events';
import { RpcClient } from '../../src/main/rpc/rpcClient';
import { createLogger } from '../../src/main/log';
import { toChecksumAddress } from '../../src/main/store/address';
import { DerivationScheme } from '../../src/main/store/accountsRepository';
import { openDatabase } from '../../src/main/store/database';
import { createRepositories } from '../../src/main/store/repositories';
import { TxService } from '../../src/main/tx/txService';
import type { SendReview } from '../../src/shared/tx';
import type { ReviewWorld } from '../renderer/double/reviewWorld';
import { SEND_REVIEW_SCENARIOS, type SendReviewScenario } from '../renderer/double/sendReviewScenarios';
import { answer, type ScriptedRpcServer, scriptedRpcServer } from '../anvil/scriptedRpcServer';
import { localChain } from '../anvil/portfolioFixture';

const RECORDINGS = fileURLToPath(new URL('../renderer/double/sendReviews.json', import.meta.url));
const gwei = (n: number) => `0x${(BigInt(n) * 10n ** 9n).toString(16)}`;

/**
 * A calm Ethereum market with round figures a reader can check: a 20 gwei base fee, tips of 1, 2 and 4 gwei
 * at the slow, normal and fast percentiles, and a plain transfer's 21,000 gas.
 */
const MARKET = {
  eth_chainId: '0x1',
  eth_blockNumber: '0x12d6a40',
  eth_feeHistory: {
    oldestBlock: '0x12d6a2d',
    baseFeePerGas: Array.from({ length: 21 }, () => gwei(20)),
    gasUsedRatio: Array.from({ length: 20 }, () => 0.5),
    reward: Array.from({ length: 20 }, () => [gwei(1), gwei(2), gwei(4)]),
  },
  eth_gasPrice: gwei(22),
  eth_estimateGas: '0x5208',
  eth_getCode: '0x',
  eth_getTransactionCount: '0x0',
};

let node: ScriptedRpcServer;
beforeAll(async () => {
  node = await scriptedRpcServer((body) => answer(body, MARKET));
});
afterAll(() => node.close());

/** A fresh wallet database holding exactly the scenario's world, and TxService's review in it. */
async function review({ world, draft }: SendReviewScenario): Promise<SendReview> {
  const dir = mkdtempSync(join(tmpdir(), 'send-review-'));
  const db = openDatabase(join(dir, 'wallet.sqlite'));
  try {
    const repositories = createRepositories(db);
    furnish(repositories, world);
    const client = new RpcClient({
      chainId: 1,
      chainName: 'Ethereum',
      urls: [node.url],
      retry: { attempts: 1 },
    });
    const connection = { chain: localChain(1, node.url), client, signal: new AbortController().signal };
    const tx = new TxService({
      db,
      repositories,
      sign: () => Promise.reject(new Error('a review signs nothing')),
      connections: async () => [connection],
      tokens: () => undefined,
      counterparties: (account) =>
        world.sentTo
          .filter(({ from }) => from === account.toLowerCase())
          .map(({ to }) => toChecksumAddress(to)),
      events: createEventHub(),
      log: createLogger('tx', () => {}),
    });
    return await tx.review(draft);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function furnish(repositories: ReturnType<typeof createRepositories>, world: ReviewWorld): void {
  for (const device of world.devices) repositories.devices.recordSeen(device);
  for (const [index, account] of world.accounts.entries()) {
    const added = repositories.accounts.add({
      ...account,
      derivationScheme: DerivationScheme.nullable().parse(account.derivationScheme),
      address: toChecksumAddress(account.address),
    });
    // The renderer tests name accounts by id, so the store must hand out the same ones.
    if (added.id !== account.id) throw new Error(`account ${index} is id ${added.id}, not ${account.id}`);
  }
  for (const { name, address, chainId } of world.addressBook) {
    repositories.addressBook.set({ name, address: toChecksumAddress(address), chainId, note: '' });
  }
  for (const label of world.labels) {
    repositories.labels.set({ ...label, address: toChecksumAddress(label.address), note: '' });
  }
}

it('records the reviews the renderer double answers with, as TxService gives them', async () => {
  const recordings = [];
  for (const scenario of SEND_REVIEW_SCENARIOS)
    recordings.push({ ...scenario, review: await review(scenario) });
  const config = await resolveConfig(RECORDINGS);
  const text = await format(JSON.stringify(recordings), { ...config, filepath: RECORDINGS });
  // `vitest run --update` writes them again after a change to the scenarios or to TxService.
  await expect(text).toMatchFileSnapshot(RECORDINGS);
});
