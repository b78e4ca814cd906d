import { AbiCoder, Interface } from 'ethers/abi';
import { id, TypedDataEncoder } from 'ethers/hash';
import { describe, expect, it } from 'vitest';
import { GAS_PRICE_ORACLE } from '../../src/main/tx/fees/l1Fee';
import { SignTypedData } from '../../src/shared/devices';
import { anvilCall, chainBalances } from '../../test/anvil/chainSetup';
import { useAnvilChains } from '../../test/anvil/useAnvilChains';
import { ERC20_ABI } from '../../test/contracts/erc20';
import { L1_FEE_ORACLE_ABI, l1FeeFor } from '../../test/contracts/l1FeeOracle';
import { PERMIT2_ABI } from '../../test/contracts/permit2';
import { DEMO_HISTORY_ACCOUNT } from './demoActivity';
import { demoToken } from './demoPortfolio';
import {
  DEMO_AIRDROP_REASON,
  DEMO_CLAIM_CALLDATA,
  DEMO_CLOSED_AIRDROP,
  DEMO_DRAINED,
  DEMO_DRAINER,
  DEMO_L1_FEE_CHAIN,
  DEMO_PERMIT2,
  DEMO_ROUTER,
  DEMO_TKN,
  DEMO_TKN_BALANCE,
  demoPermit2Permit,
  seedReview,
} from './demoReview';

const NOW = 1_800_000_000;
const LEDGER_MAIN = DEMO_HISTORY_ACCOUNT;
const erc20 = new Interface(ERC20_ABI);
const TRANSFER_TOPIC = id('Transfer(address,address,uint256)');

describe('demoPermit2Permit', () => {
  const permit = demoPermit2Permit(NOW);

  it('is eth_signTypedData_v4 JSON the wallet accepts and ethers can hash', () => {
    expect(() => SignTypedData.parse({ accountId: 1, typedData: permit })).not.toThrow();
    const { EIP712Domain, ...readonlyTypes } = permit.types;
    const types = Object.fromEntries(
      Object.entries(readonlyTypes).map(([name, fields]) => [name, [...fields]]),
    );
    expect(EIP712Domain?.map((field) => field.name)).toEqual(Object.keys(permit.domain));
    expect(TypedDataEncoder.hash(permit.domain, types, permit.message)).toMatch(/^0x[0-9a-f]{64}$/);
    expect(TypedDataEncoder.getPrimaryType(types)).toBe(permit.primaryType);
  });

  it('lets the router spend unlimited Ethereum USDC for 30 days, signed within 30 minutes', () => {
    expect(permit.domain).toEqual({ name: 'Permit2', chainId: 1, verifyingContract: DEMO_PERMIT2 });
    expect(permit.message).toEqual({
      details: {
        token: demoToken(1, 'USDC').address,
        amount: ((1n << 160n) - 1n).toString(),
        expiration: NOW + 30 * 86_400,
        nonce: 0,
      },
      spender: DEMO_ROUTER,
      sigDeadline: String(NOW + 1_800),
    });
  });
});

describe('seedReview on anvil', () => {
  const nodes = useAnvilChains([1, 8453]);
  const url = (chainId: number) => nodes.find((node) => node.chainId === chainId)?.url as string;

  it('leaves every contract the review’s findings need, doing what the demo says', async () => {
    await anvilCall(url(1), 'anvil_setBalance', [LEDGER_MAIN, '0xde0b6b3a7640000']);
    await seedReview(nodes);
    const ethereum = url(1);

    expect(await chainBalances(ethereum, [[LEDGER_MAIN, DEMO_TKN.address]])).toEqual([DEMO_TKN_BALANCE]);
    const allowance = await anvilCall(ethereum, 'eth_call', [
      { to: DEMO_TKN.address, data: erc20.encodeFunctionData('allowance', [LEDGER_MAIN, DEMO_DRAINER]) },
      'latest',
    ]);
    expect(BigInt(allowance as string)).toBe((1n << 256n) - 1n);

    // What the wallet's review asks the node: the drainer's claim moves 100 TKN from Ledger main to it.
    const [block] = (await anvilCall(ethereum, 'eth_simulateV1', [
      {
        blockStateCalls: [{ calls: [{ from: LEDGER_MAIN, to: DEMO_DRAINER, data: DEMO_CLAIM_CALLDATA }] }],
        traceTransfers: true,
      },
      'latest',
    ])) as { calls: { status: string; logs: { address: string; topics: string[]; data: string }[] }[] }[];
    const [claim] = block?.calls ?? [];
    expect(claim?.status).toBe('0x1');
    const transfers = (claim?.logs ?? []).filter((log) => log.topics[0] === TRANSFER_TOPIC);
    expect(transfers.map((log) => [log.address.toLowerCase(), erc20.parseLog(log)?.args.toArray()])).toEqual([
      [DEMO_TKN.address.toLowerCase(), [LEDGER_MAIN, DEMO_DRAINER, DEMO_DRAINED]],
    ]);

    await expect(
      anvilCall(ethereum, 'eth_call', [
        { from: LEDGER_MAIN, to: DEMO_CLOSED_AIRDROP, data: DEMO_CLAIM_CALLDATA },
        'latest',
      ]),
    ).rejects.toThrow(DEMO_AIRDROP_REASON);

    expect(await anvilCall(ethereum, 'eth_getCode', [DEMO_ROUTER, 'latest'])).not.toBe('0x');
    const separator = await anvilCall(ethereum, 'eth_call', [
      { to: DEMO_PERMIT2, data: new Interface(PERMIT2_ABI).encodeFunctionData('DOMAIN_SEPARATOR') },
      'latest',
    ]);
    expect(separator).toBe(TypedDataEncoder.hashDomain(demoPermit2Permit(NOW).domain));

    const oracle = new Interface(L1_FEE_ORACLE_ABI);
    const fee = await anvilCall(url(DEMO_L1_FEE_CHAIN), 'eth_call', [
      { to: GAS_PRICE_ORACLE, data: oracle.encodeFunctionData('getL1Fee', [`0x${'01'.repeat(110)}`]) },
      'latest',
    ]);
    expect(AbiCoder.defaultAbiCoder().decode(['uint256'], fee as string)[0]).toBe(l1FeeFor(110));
    expect(await anvilCall(ethereum, 'eth_getCode', [GAS_PRICE_ORACLE, 'latest'])).toBe('0x');
  });
});
