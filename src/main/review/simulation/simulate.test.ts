import { AbiCoder } from 'ethers/abi';
import { id } from 'ethers/hash';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type JsonRpcCall,
  type ScriptedRpcServer,
  scriptedRpcServer,
} from '../../../../test/anvil/scriptedRpcServer';
import { RpcClient } from '../../rpc/rpcClient';
import { toChecksumAddress } from '../../store/address';
import { NOTES, type SimulationCall, simulateTransaction } from './simulate';

const FROM = toChecksumAddress('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
const TO = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const NATIVE = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const TRANSFER = id('Transfer(address,address,uint256)');
const topic = (address: string) => `0x${address.slice(2).toLowerCase().padStart(64, '0')}`;
const word = (value: bigint) => `0x${value.toString(16).padStart(64, '0')}`;
const reasonData = (reason: string) =>
  `${id('Error(string)').slice(0, 10)}${AbiCoder.defaultAbiCoder().encode(['string'], [reason]).slice(2)}`;

const CALL: SimulationCall = {
  from: FROM,
  to: TO,
  value: 7n,
  data: '0x',
  gasLimit: 21_000n,
  fees: { maxFeePerGas: 30n, maxPriorityFeePerGas: 2n },
};
const nativeLog = { address: NATIVE, topics: [TRANSFER, topic(FROM), topic(TO)], data: word(7n) };
const callResult = (fields: Record<string, unknown>) => [
  { number: '0x1', calls: [{ status: '0x1', returnData: '0x', gasUsed: '0x5208', logs: [], ...fields }] },
];
const error = (code: number, message: string, data?: string) => ({
  code,
  message,
  ...(data ? { data } : {}),
});

/** A node double: eth_simulateV1 and the fallback methods answer from `methods`, an error object when so. */
async function node(methods: Record<string, unknown>): Promise<ScriptedRpcServer> {
  return scriptedRpcServer((body) => {
    const calls = (Array.isArray(body) ? body : [body]) as JsonRpcCall[];
    const reply = (call: JsonRpcCall) => {
      const result = call.method === 'eth_chainId' ? '0x1' : methods[call.method];
      if (result === undefined)
        return { jsonrpc: '2.0', id: call.id, error: error(-32601, 'no such method') };
      if (typeof result === 'object' && result !== null && 'code' in result)
        return { jsonrpc: '2.0', id: call.id, error: result };
      return { jsonrpc: '2.0', id: call.id, result };
    };
    return { json: Array.isArray(body) ? calls.map(reply) : reply(calls[0] as JsonRpcCall) };
  });
}

describe('simulateTransaction', () => {
  let server: ScriptedRpcServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const simulate = async (methods: Record<string, unknown>, call: SimulationCall = CALL) => {
    server = await node(methods);
    const client = new RpcClient({
      chainId: 1,
      chainName: 'Ethereum',
      urls: [server.url],
      retry: { attempts: 1 },
    });
    return simulateTransaction(client, call);
  };
  const sent = (method: string) =>
    (server?.received ?? [])
      .flatMap((body) => (Array.isArray(body) ? body : [body]) as JsonRpcCall[])
      .filter((call) => call.method === method);

  it('asks eth_simulateV1 for one call on latest with transfers traced, validated, and no nonce', async () => {
    const outcome = await simulate({ eth_simulateV1: callResult({ logs: [nativeLog] }) });
    expect(sent('eth_simulateV1').map((call) => call.params)).toEqual([
      [
        {
          blockStateCalls: [
            {
              calls: [
                {
                  from: FROM,
                  to: TO,
                  value: '0x7',
                  data: '0x',
                  gas: '0x5208',
                  maxFeePerGas: '0x1e',
                  maxPriorityFeePerGas: '0x2',
                },
              ],
            },
          ],
          traceTransfers: true,
          validation: true,
        },
        'latest',
      ],
    ]);
    expect(outcome).toMatchObject({ status: 'simulated', reverted: false, gasUsed: 21_000n, note: null });
    expect(outcome.transfers).toEqual([
      { kind: 'native', token: null, from: FROM, to: TO, amount: 7n, tokenId: null },
    ]);
  });

  it('runs without a gas limit at the node’s estimate', async () => {
    await simulate(
      { eth_simulateV1: callResult({}), eth_estimateGas: '0x6000' },
      { ...CALL, gasLimit: null },
    );
    expect(sent('eth_estimateGas').map((call) => call.params)).toEqual([
      [{ from: FROM, to: TO, value: '0x7', data: '0x' }],
    ]);
    const [params] = sent('eth_simulateV1').map((call) => call.params[0]) as [
      { blockStateCalls: [{ calls: [Record<string, unknown>] }] },
    ];
    expect(params.blockStateCalls[0].calls[0].gas).toBe('0x6000');
  });

  it('sends a legacy gas price, and leaves the gas to the node when it will not estimate', async () => {
    await simulate({ eth_simulateV1: callResult({}) }, { ...CALL, gasLimit: null, fees: { gasPrice: 9n } });
    const [params] = sent('eth_simulateV1').map((call) => call.params[0]) as [
      { blockStateCalls: [{ calls: [Record<string, unknown>] }] },
    ];
    const [call] = params.blockStateCalls[0].calls;
    expect(call).toEqual({ from: FROM, to: TO, value: '0x7', data: '0x', gasPrice: '0x9' });
  });

  it('reads a revert reason from geth’s error data as from anvil’s return data', async () => {
    const data = reasonData('Ownable: caller is not the owner');
    const geth = await simulate({
      eth_simulateV1: callResult({
        status: '0x0',
        returnData: '0x',
        error: error(3, 'execution reverted', data),
      }),
    });
    expect(geth).toMatchObject({
      status: 'simulated',
      reverted: true,
      revertReason: 'The contract reverted: Ownable: caller is not the owner',
      detail: 'execution reverted (code 3)',
    });
    await server?.close();
    const anvil = await simulate({
      eth_simulateV1: callResult({ status: '0x0', returnData: data, logs: [nativeLog] }),
    });
    expect(anvil).toMatchObject({ reverted: true, transfers: [], revertReason: geth.revertReason });
  });

  it('falls back to eth_call and eth_estimateGas where the node lacks eth_simulateV1', async () => {
    const outcome = await simulate({ eth_call: '0x', eth_estimateGas: '0x5300' });
    expect(outcome).toEqual({
      status: 'checked',
      transfers: [],
      reverted: false,
      revertReason: null,
      gasUsed: 0x5300n,
      note: NOTES.checked,
      detail: null,
    });
    expect(sent('eth_call').map((call) => call.params)).toEqual([
      [{ from: FROM, to: TO, value: '0x7', data: '0x', gas: '0x5208' }, 'latest'],
    ]);
  });

  it('knows a missing method by its words too, and catches a revert with its reason', async () => {
    const outcome = await simulate({
      eth_simulateV1: error(-32000, 'the method eth_simulateV1 does not exist/is not available'),
      eth_call: error(3, 'execution reverted: paused', reasonData('paused')),
      eth_estimateGas: error(3, 'execution reverted: paused', reasonData('paused')),
    });
    expect(outcome).toMatchObject({
      status: 'checked',
      reverted: true,
      revertReason: 'The contract reverted: paused',
      gasUsed: null,
      note: NOTES.checked,
    });
    expect(outcome.detail).toMatch(/execution reverted: paused/);
  });

  it('fails with a sentence, and the node’s words apart, when the node refuses the simulation', async () => {
    const poor = await simulate({
      eth_simulateV1: error(-38014, 'insufficient funds for gas * price + value'),
    });
    expect(poor).toMatchObject({ status: 'failed', reverted: false, note: NOTES.insufficientFunds });
    expect(poor.detail).toMatch(
      /refused eth_simulateV1: insufficient funds for gas \* price \+ value \(code -38014\)/,
    );
    await server?.close();
    const refused = await simulate({
      eth_simulateV1: error(-38012, 'max fee per gas less than block base fee'),
    });
    expect(refused).toMatchObject({ status: 'failed', note: NOTES.refused });
    expect(refused.detail).not.toContain('SECRET');
  });

  it('fails, never throws, on answers that are not one block of one call', async () => {
    const twoCalls = [{ calls: [callResult({})[0]?.calls[0], callResult({})[0]?.calls[0]] }];
    for (const result of [
      [],
      [...callResult({}), ...callResult({})],
      twoCalls,
      [{ calls: [{ status: '0x2' }] }],
    ]) {
      const outcome = await simulate({ eth_simulateV1: result });
      expect(outcome).toMatchObject({ status: 'failed', note: NOTES.unreachable });
      await server?.close();
      server = undefined;
    }
  });

  it('reads at most 200 logs, skips the malformed, and says the changes may be incomplete', async () => {
    const flood = Array.from({ length: 5_000 }, () => nativeLog);
    const outcome = await simulate({
      eth_simulateV1: callResult({ logs: ['not a log', { ...nativeLog, topics: ['0x1'] }, ...flood] }),
    });
    expect(outcome.transfers).toHaveLength(198);
    expect(outcome.note).toBe(NOTES.truncated);
  });

  it('does not keep revert data longer than 4 KiB', async () => {
    const long = reasonData('x'.repeat(5_000));
    const outcome = await simulate({ eth_simulateV1: callResult({ status: '0x0', returnData: long }) });
    expect(outcome).toMatchObject({
      reverted: true,
      revertReason: 'The contract reverted without a reason.',
    });
  });
});
