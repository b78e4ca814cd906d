import { z } from 'zod';
import { ChainId } from '../../shared/chains/chain';
import { ChecksumAddress } from '../store/address';
import arbitrum from './tokenLists/arbitrum.tokenlist.json' with { type: 'json' };
import avalanche from './tokenLists/avalanche.tokenlist.json' with { type: 'json' };
import base from './tokenLists/base.tokenlist.json' with { type: 'json' };
import bnb from './tokenLists/bnb.tokenlist.json' with { type: 'json' };
import ethereum from './tokenLists/ethereum.tokenlist.json' with { type: 'json' };
import gnosis from './tokenLists/gnosis.tokenlist.json' with { type: 'json' };
import optimism from './tokenLists/optimism.tokenlist.json' with { type: 'json' };
import polygon from './tokenLists/polygon.tokenlist.json' with { type: 'json' };

/** The Token Lists schema (tokenlists.org), with its length limits; addresses come out checksummed. */
const TokenInfo = z.strictObject({
  chainId: ChainId,
  address: ChecksumAddress,
  decimals: z.number().int().min(0).max(255),
  name: z.string().min(1).max(60),
  symbol: z.string().regex(/^\S{1,20}$/, 'a symbol is 1 to 20 characters without spaces'),
  logoURI: z.url().optional(),
  tags: z
    .array(z.string().regex(/^\w{1,10}$/))
    .max(10)
    .optional(),
  extensions: z.record(z.string(), z.unknown()).optional(),
});

const Version = z.strictObject({
  major: z.number().int().nonnegative(),
  minor: z.number().int().nonnegative(),
  patch: z.number().int().nonnegative(),
});

export const TokenList = z
  .strictObject({
    name: z.string().regex(/^[\w ]{1,30}$/, 'a list name is 1 to 30 letters, digits or spaces'),
    timestamp: z.iso.datetime(),
    version: Version,
    tokens: z.array(TokenInfo).min(1).max(10_000),
    keywords: z.array(z.string().min(1).max(20)).max(20).optional(),
    tags: z
      .record(
        z.string().regex(/^\w{1,10}$/),
        z.strictObject({ name: z.string().max(20), description: z.string().max(200) }),
      )
      .optional(),
    logoURI: z.url().optional(),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.tokens.forEach((token, index) => {
      // Identity is (chain, address): the same contract twice would be counted twice.
      const key = `${token.chainId}:${token.address}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['tokens', index], message: `${key} is listed twice` });
      seen.add(key);
      for (const tag of token.tags ?? []) {
        if (!list.tags?.[tag])
          ctx.addIssue({ code: 'custom', path: ['tokens', index], message: `tag ${tag} is not defined` });
      }
    });
  });
export type TokenList = z.output<typeof TokenList>;
export type TokenInfo = TokenList['tokens'][number];

export function parseTokenList(json: unknown, source: string): TokenList {
  const parsed = TokenList.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `The token list ${source} is not valid: ${issue?.path.join('.') || 'list'}: ${issue?.message}`,
  );
}

const BUNDLED = { arbitrum, avalanche, base, bnb, ethereum, gnosis, optimism, polygon };

/** The lists shipped with the app, one per registry chain, keyed by chain id; checked when first loaded. */
export const DEFAULT_TOKEN_LISTS: ReadonlyMap<number, TokenList> = new Map(
  Object.entries(BUNDLED).map(([name, json]) => {
    const list = parseTokenList(json, `${name}.tokenlist.json`);
    const chains = new Set(list.tokens.map((token) => token.chainId));
    if (chains.size !== 1)
      throw new Error(`${name}.tokenlist.json must list the tokens of exactly one chain`);
    return [list.tokens[0]?.chainId as number, list];
  }),
);
