import { Transaction } from 'ethers/transaction';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHAINS } from '../../../shared/chains/registry';
import type { Chain } from '../../../shared/chains/chain';
import { RpcClient } from '../../rpc/rpcClient';
import { toChecksumAddress } from '../../store/address';
import { anvilCall, ANVIL_DEV_ACCOUNT, deployCode, sendAndMine } from '../../../../test/anvil/chainSetup';
import { answer, type ScriptedRpcServer, scriptedRpcServer } from '../../../../test/anvil/scriptedRpcServer';
import { useAnvilChains } from '../../../../test/anvil/useAnvilChains';
import { assemble } from '../../../../test/contracts/evmAssembler';
import { estimateFees } from './feeEstimator';
import { feeOption } from './feeChoice';
import { GAS_PRICE_ORACLE, L1_NOT_CHARGED, L1_UNAVAILABLE_MESSAGE } from './l1Fee';

const GWEI = 1_000_000_000n;
const L1_FEE_PER_BYTE = 1000n;
const RECIPIENT = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const FROM = toChecksumAddress(ANVIL_DEV_ACCOUNT);
const chain = (id: number) => CHAINS.find((c) => c.id === id) as Chain;
const l1Unavailable = (detail: unknown) => ({
  status: 'unavailable',
  amount: null,
  message: L1_UNAVAILABLE_MESSAGE,
  detail,
});

/** Oracle double: getL1Fee(bytes) answers the transaction's length × 1000, so the test sees what was priced. */
const ORACLE_RUNTIME = assemble([
  'PUSH0 CALLDATALOAD PUSH 224 SHR PUSH 0x49948e0e EQ PUSH @fee JUMPI',
  'PUSH0 PUSH0 REVERT',
  'fee: PUSH 36 CALLDATALOAD PUSH 1000 MUL PUSH0 MSTORE PUSH 32 PUSH0 RETURN',
]);

describe('estimateFees on an OP-stack anvil chain', () => {
  const nodes = useAnvilChains([10]);
  const nodeUrl = () => nodes[0]?.url ?? 'the node did not start';
  const client = () => new RpcClient({ chainId: 10, chainName: 'OP', urls: [nodeUrl()] });

  beforeAll(async () => {
    const url = nodeUrl();
    await deployCode(url, GAS_PRICE_ORACLE, ORACLE_RUNTIME);
    for (const tip of [2n, 3n, 4n]) {
      await sendAndMine(url, {
        from: ANVIL_DEV_ACCOUNT,
        to: RECIPIENT,
        value: '0x1',
        maxFeePerGas: `0x${(100n * GWEI).toString(16)}`,
        maxPriorityFeePerGas: `0x${(tip * GWEI).toString(16)}`,
      });
    }
  });

  it('prices tips from fee history, max fee from the next base fee, and a transfer at 21,000 gas', async () => {
    const transfer = { from: FROM, to: RECIPIENT, value: 10n ** 15n, data: '0x' };
    const estimate = await estimateFees(client(), chain(10), transfer);
    const history = (await anvilCall(nodeUrl(), 'eth_feeHistory', ['0x1', 'latest', []])) as {
      baseFeePerGas: string[];
    };
    const baseFee = BigInt(history.baseFeePerGas.at(-1) as string);
    if (estimate.kind !== 'eip1559') throw new Error('anvil has EIP-1559');
    expect(estimate.baseFee).toBe(baseFee);
    // Each of the three blocks holds one transaction, so every percentile of a block is its tip.
    for (const option of Object.values(estimate.options)) {
      expect(option).toEqual({ maxPriorityFeePerGas: 3n * GWEI, maxFeePerGas: 2n * baseFee + 3n * GWEI });
    }
    expect(estimate.gasLimit).toBe(21_000n);

    const nonce = BigInt(
      (await anvilCall(nodeUrl(), 'eth_getTransactionCount', [FROM, 'pending'])) as string,
    );
    const priced = Transaction.from({
      type: 2,
      chainId: 10n,
      nonce: Number(nonce),
      to: RECIPIENT,
      value: transfer.value,
      data: '0x',
      gasLimit: 21_000n,
      ...estimate.options.fast,
    }).unsignedSerialized;
    expect(estimate.l1).toEqual({
      status: 'included',
      amount: BigInt((priced.length - 2) / 2) * L1_FEE_PER_BYTE,
      message: null,
      detail: null,
    });
  });

  it('adds the margin to a contract call, and passes on a revert as the node said it', async () => {
    const url = nodeUrl();
    const oracle = toChecksumAddress(GAS_PRICE_ORACLE);
    const data = `0x49948e0e${'00'.repeat(31)}20${'00'.repeat(32)}`;
    const raw = BigInt(
      (await anvilCall(url, 'eth_estimateGas', [{ from: FROM, to: oracle, data }])) as string,
    );
    const estimate = await estimateFees(client(), chain(10), { from: FROM, to: oracle, value: 0n, data });
    expect(estimate.gasLimit).toBe((raw * 120n + 99n) / 100n);

    await expect(
      estimateFees(client(), chain(10), { from: FROM, to: oracle, value: 0n, data: '0x' }),
    ).rejects.toMatchObject({ name: 'RpcError', code: 'rpc' });
  });

  it('prices a reverting call at the fallback gas limit when given one, with its L1 fee', async () => {
    const oracle = toChecksumAddress(GAS_PRICE_ORACLE);
    const reverting = { from: FROM, to: oracle, value: 0n, data: '0x' };
    const estimate = await estimateFees(client(), chain(10), reverting, undefined, {
      fallbackGasLimit: 300_000n,
    });
    expect(estimate.kind).toBe('eip1559');
    expect(estimate.gasLimit).toBe(300_000n);
    expect(estimate.l1.status).toBe('included');
  });
});

describe('estimateFees on an OP-stack chain whose fee oracle is missing', () => {
  const nodes = useAnvilChains([8453]);

  it('still estimates, and says the L1 fee is left out instead of failing the send', async () => {
    const client = new RpcClient({ chainId: 8453, chainName: 'Base', urls: [nodes[0]?.url ?? 'no node'] });
    const transfer = { from: FROM, to: RECIPIENT, value: 1n, data: '0x' };
    const estimate = await estimateFees(client, chain(8453), transfer);
    expect(estimate.gasLimit).toBe(21_000n);
    expect(estimate.l1).toEqual(
      l1Unavailable(`The oracle at ${GAS_PRICE_ORACLE} answered getL1Fee with 0x.`),
    );
  });
});

describe('estimateFees on a chain without EIP-1559', () => {
  let server: ScriptedRpcServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const transfer = { from: FROM, to: RECIPIENT, value: 1n, data: '0x' };
  /** A client of a node that answers `results` by method, and refuses any other as unknown. */
  const scripted = async (chainId: number, results: Record<string, unknown>) => {
    server = await scriptedRpcServer((body) =>
      answer(body, { eth_chainId: `0x${chainId.toString(16)}`, ...results }),
    );
    return new RpcClient({ chainId, chainName: chain(chainId).name, urls: [server.url] });
  };

  it('falls back to eth_gasPrice when the node refuses eth_feeHistory', async () => {
    const client = await scripted(1, { eth_gasPrice: '0x64', eth_estimateGas: '0x5208' });
    expect(await estimateFees(client, chain(1), transfer)).toEqual({
      kind: 'legacy',
      options: { slow: { gasPrice: 90n }, normal: { gasPrice: 100n }, fast: { gasPrice: 125n } },
      gasLimit: 21_000n,
      l1: L1_NOT_CHARGED,
    });
  });

  it('prices a refused estimate at the fallback gas limit, on a node without eth_feeHistory', async () => {
    // Neither eth_feeHistory nor eth_estimateGas is answered: both are refused as unknown methods.
    const client = await scripted(1, { eth_gasPrice: '0x64' });
    await expect(estimateFees(client, chain(1), transfer)).rejects.toMatchObject({ code: 'rpc' });
    const estimate = await estimateFees(client, chain(1), transfer, undefined, { fallbackGasLimit: 50_000n });
    expect(estimate).toMatchObject({ kind: 'legacy', gasLimit: 50_000n, l1: L1_NOT_CHARGED });
  });

  it('leaves out an L1 fee whose oracle call fails, and keeps the estimate', async () => {
    // eth_call, the oracle's read, is refused.
    const client = await scripted(8453, {
      eth_gasPrice: '0x64',
      eth_estimateGas: '0x5208',
      eth_getTransactionCount: '0x3',
    });
    const estimate = await estimateFees(client, chain(8453), transfer);
    expect(estimate.gasLimit).toBe(21_000n);
    expect(estimate.l1).toEqual(l1Unavailable(expect.stringMatching(/refused eth_call/)));
    expect(feeOption(estimate, estimate.options.normal).max).toBe((100n * 21_000n).toString());
  });

  it('takes a fee history without base fees as a legacy chain, in one batch', async () => {
    const client = await scripted(1, {
      eth_feeHistory: { oldestBlock: '0x1', gasUsedRatio: [0.5], reward: [['0x1', '0x2', '0x3']] },
      eth_gasPrice: '0x64',
      eth_estimateGas: '0x5208',
    });
    expect((await estimateFees(client, chain(1), transfer)).kind).toBe('legacy');
    expect(server?.received).toHaveLength(1);
  });
});
