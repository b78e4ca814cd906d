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
import type { TxReview } from '../../src/shared/review';
import type { ReviewWorld } from '../renderer/double/reviewWorld';
import {
  REVERTER,
  REVERTER_CODE,
  SEND_REVIEW_SCENARIOS,
  type SendReviewScenario,
} from '../renderer/double/sendReviewScenarios';
import { type AnvilNode, startAnvil } from '../anvil/anvil';
import { localChain } from '../anvil/portfolioFixture';

const RECORDINGS = fileURLToPath(new URL('../renderer/double/sendReviews.json', import.meta.url));
/** What each of the world's accounts holds: enough for every scenario that is not about the balance. */
const FUNDS = `0x${(10n ** 19n).toString(16)}`;

/**
 * A fresh anvil for Ethereum: eth_simulateV1 with transfer tracing, as main uses it on the user's RPC. Its
 * fees stay put because a review mines nothing, so the recordings are the same on every run.
 */
let node: AnvilNode;
beforeAll(async () => {
  node = await startAnvil(1);
  await rpc('anvil_setCode', [REVERTER, REVERTER_CODE]);
});
afterAll(() => node.stop());

async function rpc(method: string, params: unknown[]): Promise<unknown> {
  const response = await fetch(node.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** A fresh wallet database holding exactly the scenario's world, and TxService's review in it. */
async function review({ world, draft }: SendReviewScenario): Promise<TxReview> {
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
    for (const account of world.accounts) await rpc('anvil_setBalance', [account.address, FUNDS]);
    const connection = { chain: localChain(1, node.url), client, signal: new AbortController().signal };
    const tx = new TxService({
      db,
      repositories,
      sign: () => Promise.reject(new Error('a review signs nothing')),
      connection: async () => connection,
      tokens: () => undefined,
      // No token list: the scenarios send the coin, so no recipient is a listed token contract.
      listedTokens: () => [],
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
