import { AbiCoder } from 'ethers/abi';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type JsonRpcCall,
  scriptedRpcServer,
  type ScriptedRpcServer,
} from '../../../../test/anvil/scriptedRpcServer';
import { MULTICALL3_ADDRESS } from '../../../shared/chains/registry';
import { RpcClient } from '../../rpc/rpcClient';
import { toChecksumAddress } from '../../store/address';
import { readAllowances } from './readAllowances';

// What a real node cannot be made to answer on demand; the anvil lifecycle is in approvals.test.ts.
const CHAIN = { name: 'Ethereum', multicall3: { address: MULTICALL3_ADDRESS, blockCreated: 0 } };
const OWNER = toChecksumAddress('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
const SPENDER = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const TOKENS = [
  '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
].map(toChecksumAddress);
const pairs = TOKENS.map((token) => ({ owner: OWNER, token, spender: SPENDER }));
const word = (value: bigint) => AbiCoder.defaultAbiCoder().encode(['uint256'], [value]);

let node: ScriptedRpcServer | undefined;
afterEach(async () => {
  await node?.close();
  node = undefined;
});

/** A node whose aggregate3 answers with `result`, and whose chain check says Ethereum. */
async function reading(result: string) {
  node = await scriptedRpcServer((body) => {
    const reply = (call: JsonRpcCall) => ({
      jsonrpc: '2.0',
      id: call.id,
      result: call.method === 'eth_chainId' ? '0x1' : result,
    });
    return { json: Array.isArray(body) ? (body as JsonRpcCall[]).map(reply) : reply(body as JsonRpcCall) };
  });
  const client = new RpcClient({
    chainId: 1,
    chainName: 'Ethereum',
    urls: [node.url],
    retry: { attempts: 1 },
  });
  return readAllowances(client, CHAIN, pairs);
}

const aggregate3Answer = (returns: [boolean, string][]) =>
  AbiCoder.defaultAbiCoder().encode(['(bool,bytes)[]'], [returns]);

describe('readAllowances', () => {
  it('marks as unlimited any allowance from 2^255 up, as tokens that spend infinite approvals leave', async () => {
    const answer = aggregate3Answer([
      [true, word((1n << 255n) - 1n)],
      [true, word(1n << 255n)],
    ]);
    expect((await reading(answer)).map(({ unlimited }) => unlimited)).toEqual([false, true]);
  });

  it('gives null for an answer that is not one uint256 word', async () => {
    const answer = aggregate3Answer([
      [true, '0x01'],
      [true, word(7n)],
    ]);
    expect((await reading(answer)).map(({ amount }) => amount)).toEqual([null, 7n]);
  });

  it('refuses an aggregate3 answer that does not decode', async () => {
    await expect(reading(aggregate3Answer([[true, word(1n)]]))).rejects.toMatchObject({
      name: 'RpcError',
      code: 'bad_response',
      message: expect.stringMatching(/allowances that cannot be used: .*1 results for 2 calls/),
    });
  });
});
