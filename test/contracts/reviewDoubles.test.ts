import { AbiCoder, Interface } from 'ethers/abi';
import { TypedDataEncoder } from 'ethers/hash';
import { describe, expect, it } from 'vitest';
import { decodeL1Fee, GAS_PRICE_ORACLE, l1FeeRequest } from '../../src/main/tx/fees/l1Fee';
import { toChecksumAddress } from '../../src/main/store/address';
import {
  ANVIL_DEV_ACCOUNT,
  anvilCall,
  chainBalances,
  deployCode,
  deployToken,
  fixtureAddress,
  sendAndMine,
  setTokenBalances,
} from '../anvil/chainSetup';
import { useAnvilChains } from '../anvil/useAnvilChains';
import { deployDrainer } from './deployDoubles';
import { DRAINER_ABI } from './drainer';
import { ERC20_ABI } from './erc20';
import { L1_FEE_ORACLE_ABI, L1_FEE_ORACLE_RUNTIME, l1FeeFor } from './l1FeeOracle';
import { PERMIT2_ABI, PERMIT2_ADDRESS, PERMIT2_RUNTIME } from './permit2';
import { revertingWithReason } from './reverter';

// Chain id 1, so the Permit2 stand-in's domain is the one a mainnet permit names.
const nodes = useAnvilChains([1]);
const url = () => nodes[0]?.url as string;
const USER = toChecksumAddress(ANVIL_DEV_ACCOUNT);
const TOKEN = fixtureAddress('review-doubles', 'token');
const DRAINER = fixtureAddress('review-doubles', 'drainer');
const UNIT = 10n ** 18n;
const MAX = (1n << 256n) - 1n;
const erc20 = new Interface(ERC20_ABI);
const drainer = new Interface(DRAINER_ABI);
const errorString = new Interface(['error Error(string)']);

interface RpcAnswer {
  result?: string;
  error?: { message: string; data?: string };
}

/** One eth_call whose error is kept whole: anvilCall keeps only the message, and a revert's data matters here. */
async function rawCall(to: string, data: string, from = USER): Promise<RpcAnswer> {
  const response = await fetch(url(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'eth_call',
      params: [{ from, to, data }, 'latest'],
    }),
  });
  return (await response.json()) as RpcAnswer;
}

describe('the review doubles on anvil', () => {
  it('the drainer’s claim() takes 100 tokens from a caller who approved it, and reverts for one who did not', async () => {
    await deployToken(url(), TOKEN, {
      name: 'Test Token',
      symbol: 'TKN',
      decimals: 18,
      totalSupply: 10n ** 30n,
    });
    await setTokenBalances(url(), TOKEN, [[USER, 1000n * UNIT]]);
    await deployDrainer(url(), DRAINER, TOKEN, 100n * UNIT);
    const claim = drainer.encodeFunctionData('claim');

    const unapproved = await rawCall(DRAINER, claim);
    expect(unapproved.error).toBeDefined();

    await sendAndMine(url(), {
      from: USER,
      to: TOKEN,
      data: erc20.encodeFunctionData('approve', [DRAINER, MAX]),
    });
    const receipt = await sendAndMine(url(), { from: USER, to: DRAINER, data: claim });
    expect(receipt.status).toBe('0x1');
    const [transfer] = receipt.logs.map((log) => erc20.parseLog(log));
    expect(transfer?.name).toBe('Transfer');
    expect(transfer?.args.toArray()).toEqual([USER, DRAINER, 100n * UNIT]);
    expect(
      await chainBalances(url(), [
        [USER, TOKEN],
        [DRAINER, TOKEN],
      ]),
    ).toEqual([900n * UNIT, 100n * UNIT]);
  });

  it('the reverter answers every call with Error(reason), one word or several', async () => {
    const reasons = ['Airdrop closed', 'This airdrop closed on 1 March; claims are no longer accepted here'];
    for (const [i, reason] of reasons.entries()) {
      const address = fixtureAddress('review-doubles', 'reverter', i);
      await deployCode(url(), address, revertingWithReason(reason));
      for (const data of [drainer.encodeFunctionData('claim'), '0x']) {
        const { error } = await rawCall(address, data);
        expect(error?.data).toBe(errorString.encodeErrorResult('Error', [reason]));
      }
    }
    expect(() => revertingWithReason('')).toThrow(/1 to 256 bytes/);
    expect(() => revertingWithReason('x'.repeat(257))).toThrow(/not 257/);
  });

  it('the L1 fee oracle’s fee grows with the length of what it is given, by its documented formula', async () => {
    await deployCode(url(), GAS_PRICE_ORACLE, L1_FEE_ORACLE_RUNTIME);
    const oracle = new Interface(L1_FEE_ORACLE_ABI);
    const fees: bigint[] = [];
    for (const length of [0, 1, 31, 32, 33, 200]) {
      const { result } = await rawCall(
        GAS_PRICE_ORACLE,
        oracle.encodeFunctionData('getL1Fee', [`0x${'ab'.repeat(length)}`]),
      );
      const [fee] = AbiCoder.defaultAbiCoder().decode(['uint256'], result as string);
      expect(fee).toBe(l1FeeFor(length));
      fees.push(fee as bigint);
    }
    expect(fees).toEqual([...fees].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(fees).size).toBe(fees.length);

    // The wallet's own request prices the unsigned serialization; the oracle reads that as its bytes.
    const request = l1FeeRequest({
      type: 2,
      chainId: 1n,
      nonce: 0,
      to: USER,
      value: 1n,
      data: '0x',
      gasLimit: 21_000n,
      maxFeePerGas: 2n,
      maxPriorityFeePerGas: 1n,
    });
    const [{ data }] = request.params as [{ data: string }];
    const serialized = oracle.decodeFunctionData('getL1Fee', data)[0] as string;
    const answer = (await anvilCall(url(), request.method, [...request.params])) as string;
    expect(decodeL1Fee(answer)).toBe(l1FeeFor((serialized.length - 2) / 2));
    expect(await rawCall(GAS_PRICE_ORACLE, '0x12345678')).toHaveProperty('error');
  });

  it('the Permit2 stand-in names the EIP-712 domain a mainnet Permit2 permit is signed for', async () => {
    await deployCode(url(), PERMIT2_ADDRESS, PERMIT2_RUNTIME);
    const permit2 = new Interface(PERMIT2_ABI);
    const { result } = await rawCall(PERMIT2_ADDRESS, permit2.encodeFunctionData('DOMAIN_SEPARATOR'));
    expect(result).toBe(
      TypedDataEncoder.hashDomain({ name: 'Permit2', chainId: 1, verifyingContract: PERMIT2_ADDRESS }),
    );
    expect(await rawCall(PERMIT2_ADDRESS, drainer.encodeFunctionData('claim'))).toHaveProperty('error');
  });
});
