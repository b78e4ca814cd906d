import { AbiCoder } from 'ethers/abi';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deployCode, deployMulticall3, deployToken, fixtureAddress } from '../../../../test/anvil/chainSetup';
import { answer, type ScriptedRpcServer, scriptedRpcServer } from '../../../../test/anvil/scriptedRpcServer';
import { useAnvilChains } from '../../../../test/anvil/useAnvilChains';
import { REVERTING_RUNTIME, SHORT_ANSWER_RUNTIME } from '../../../../test/contracts/erc20';
import { RpcClient } from '../../rpc/rpcClient';
import { toChecksumAddress } from '../../store/address';
import { readTokenFacts, symbolOf } from './tokenFacts';

const address = (name: string) => toChecksumAddress(fixtureAddress('token-facts', name));
const GOOD = address('good');
const LONG = address('long');
const BIDI = address('bidi');
const HUGE_DECIMALS = address('huge-decimals');
const REVERTS = address('reverts');
const SHORT = address('short');
const NO_CODE = address('no-code');
const abi = AbiCoder.defaultAbiCoder();

describe('readTokenFacts on anvil', () => {
  const nodes = useAnvilChains([31_337]);
  const client = () =>
    new RpcClient({ chainId: 31_337, chainName: 'Anvil', urls: [nodes[0]?.url ?? 'none'] });

  beforeAll(async () => {
    const url = nodes[0]?.url ?? 'none';
    const token = (symbol: string, decimals: number) => ({ name: 'T', symbol, decimals, totalSupply: 1n });
    await deployMulticall3(url);
    await deployToken(url, GOOD, token('USDC', 6));
    await deployToken(url, LONG, token('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 18));
    await deployToken(url, BIDI, token('\u202eCDSU', 6));
    await deployToken(url, HUGE_DECIMALS, token('BIG', 78));
    await deployCode(url, REVERTS, REVERTING_RUNTIME);
    await deployCode(url, SHORT, SHORT_ANSWER_RUNTIME);
  });

  it('reads symbol and decimals, bounding what a token says of itself', async () => {
    const tokens = [GOOD, LONG, BIDI, HUGE_DECIMALS, REVERTS, SHORT, NO_CODE, GOOD];
    const facts = await readTokenFacts(client(), tokens);
    expect(Object.fromEntries(facts)).toEqual({
      [GOOD]: { symbol: 'USDC', decimals: 6 },
      [LONG]: { symbol: 'ABCDEFGHIJKL', decimals: 18 },
      [BIDI]: null,
      [HUGE_DECIMALS]: null,
      [REVERTS]: null,
      [SHORT]: null,
      [NO_CODE]: null,
    });
  });

  it('asks in one POST, and nothing for no tokens', async () => {
    let posts = 0;
    const counting = new RpcClient({
      chainId: 31_337,
      chainName: 'Anvil',
      urls: [nodes[0]?.url ?? 'none'],
      onExchange: () => posts++,
    });
    expect((await readTokenFacts(counting, [])).size).toBe(0);
    expect(posts).toBe(0);
    await readTokenFacts(counting, [GOOD, LONG, BIDI]);
    expect(posts).toBe(1);
  });
});

describe('readTokenFacts on a node that fails or lies', () => {
  let server: ScriptedRpcServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('names no token, rather than throwing, when the answer does not decode or the call fails', async () => {
    for (const results of [{ eth_chainId: '0x1', eth_call: '0x1234' }, { eth_chainId: '0x1' }]) {
      server = await scriptedRpcServer((body) => answer(body, results));
      const client = new RpcClient({ chainId: 1, chainName: 'Ethereum', urls: [server.url] });
      const facts = await readTokenFacts(client, [GOOD, LONG]);
      expect([...facts.entries()]).toEqual([
        [GOOD, null],
        [LONG, null],
      ]);
      await server.close();
      server = undefined;
    }
  });

  it('passes a cancellation on', async () => {
    server = await scriptedRpcServer(() => ({ hang: true }));
    const client = new RpcClient({ chainId: 1, chainName: 'Ethereum', urls: [server.url] });
    const controller = new AbortController();
    const read = readTokenFacts(client, [GOOD], controller.signal);
    controller.abort();
    await expect(read).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('symbolOf', () => {
  const text = (value: string) => ({ ok: true as const, returnData: abi.encode(['string'], [value]) });
  const bytes32 = (value: string) => ({
    ok: true as const,
    returnData: `0x${Buffer.from(value).toString('hex').padEnd(64, '0')}`,
  });

  it('reads a string or a NUL-padded bytes32, trimmed and cut to 12 characters', () => {
    expect(symbolOf(text(' WETH '))).toBe('WETH');
    expect(symbolOf(bytes32('MKR'))).toBe('MKR');
    expect(symbolOf(text('🦄'.repeat(20)))).toBe('🦄'.repeat(12));
  });

  it('refuses empty, undecodable or unprintable symbols', () => {
    const refused: { ok: true; returnData: string }[] = [
      text(''),
      text('USD\u200bC'),
      text('US\nDC'),
      text('\u202eCDSU'),
      { ok: true, returnData: '0x1234' },
      bytes32('\u0007BELL'),
    ];
    for (const result of refused) expect(symbolOf(result)).toBeNull();
    expect(symbolOf({ ok: false })).toBeNull();
  });
});
