import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { NewToken } from '../../src/main/chains/tokensRepository';
import { DEFAULT_TOKEN_LISTS } from '../../src/main/chains/tokenList';
import type { ChecksumAddress } from '../../src/main/store/address';
import { openDatabase } from '../../src/main/store/database';
import type { Chain } from '../../src/shared/chains/chain';
import { findChain } from '../../src/shared/chains/registry';
import {
  anvilCall,
  deployMulticall3,
  deployToken,
  fixtureAddress,
  setNativeBalances,
  setTokenBalances,
} from './chainSetup';

/** Chain ids the local nodes stand in for: Ethereum, Arbitrum One and Base. */
export const STAND_INS = [1, 42161, 8453] as const;

/** A registry chain pointed at local nodes instead of its public RPCs. */
export function localChain(chainId: number, ...urls: string[]): Chain {
  const chain = findChain(chainId);
  if (!chain) throw new Error(`chain ${chainId} is not in the registry`);
  return { ...chain, rpcUrls: urls };
}

export function fixtureAccounts(count: number): ChecksumAddress[] {
  return Array.from({ length: count }, (_, i) => fixtureAddress('account', i) as ChecksumAddress);
}

export interface SeededChain {
  /** Every ERC-20 on the chain: its bundled list tokens first, then generated ones. */
  tokens: ChecksumAddress[];
  /** The generated tokens, as the user would have added them. */
  userTokens: NewToken[];
}

/**
 * A deterministic spread of balances, with some zeros and some above 2^53, so exactness and unchanged rows
 * both show.
 */
export function fixtureAmount(accountIndex: number, tokenIndex: number): bigint {
  if ((accountIndex + tokenIndex) % 7 === 0) return 0n;
  return BigInt(accountIndex + 1) * 10n ** 18n + BigInt(tokenIndex * 1_000_003 + 17);
}

/**
 * Deploys Multicall3, the chain's bundled list tokens (at their real addresses, with the list's metadata)
 * and generated tokens up to `tokenCount`, gives every account a native and token balance, then mines a
 * block so reads are past genesis.
 */
export async function seedPortfolio(
  url: string,
  chainId: number,
  accounts: readonly ChecksumAddress[],
  tokenCount: number,
): Promise<SeededChain> {
  await deployMulticall3(url);
  const listed = DEFAULT_TOKEN_LISTS.get(chainId)?.tokens ?? [];
  const userTokens: NewToken[] = Array.from({ length: Math.max(0, tokenCount - listed.length) }, (_, i) => ({
    chainId,
    address: fixtureAddress('token', chainId, i) as ChecksumAddress,
    symbol: `TK${i}`,
    name: `Test Token ${i}`,
    decimals: 18,
  }));
  const all = [...listed, ...userTokens].slice(0, tokenCount);
  await Promise.all(
    all.map(async (token, t) => {
      await deployToken(url, token.address, { ...token, totalSupply: 10n ** 30n });
      await setTokenBalances(
        url,
        token.address,
        accounts.map((account, a) => [account, fixtureAmount(a, t)]),
      );
    }),
  );
  await setNativeBalances(
    url,
    accounts.map((account, a) => [account, fixtureAmount(a, tokenCount)]),
  );
  await anvilCall(url, 'evm_mine');
  return { tokens: all.map((token) => token.address), userTokens };
}

export interface WalletDatabase {
  db: Database;
  close(): void;
}

/** A real database file with every migration, as the app has it. */
export function openWalletDatabase(): WalletDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'chains-'));
  const db = openDatabase(join(dir, 'wallet.sqlite'));
  return {
    db,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
