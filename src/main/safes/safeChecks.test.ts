import { encodeAbiParameters } from 'viem';
import { describe, expect, it } from 'vitest';
import { answeringNode, executionReceipt, nodeRefusal } from '../../../test/safes/nodeAnswers';
import { RECIPIENT, sendFields } from '../../../test/safes/safeRows';
import { RpcError } from '../rpc/rpcError';
import { toChecksumAddress } from '../store/address';
import {
  chainRead,
  checkExecutionCall,
  checkHashOnChain,
  executionOutcome,
  simulateFromSafe,
} from './safeChecks';

const SAFE = toChecksumAddress('0x1111111111111111111111111111111111111111');
const OTHER = toChecksumAddress('0x2222222222222222222222222222222222222222');
const HASH = `0x${'ab'.repeat(32)}`;
const fields = sendFields(3, '5');

describe('checkHashOnChain', () => {
  it('asks the Safe itself for the hash of these fields and accepts its own answer', async () => {
    const connection = answeringNode(() => HASH);
    await checkHashOnChain(connection, SAFE, fields, HASH.toUpperCase().replace('0X', '0x'));
    expect(connection.asked[0]).toMatchObject({ method: 'eth_call', params: [{ to: SAFE }, 'latest'] });
  });

  it('refuses a Safe that hashes the transaction differently, in words', async () => {
    await expect(
      checkHashOnChain(
        answeringNode(() => `0x${'cd'.repeat(32)}`),
        SAFE,
        fields,
        HASH,
      ),
    ).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('computes another transaction hash'),
    });
    await expect(
      checkHashOnChain(
        answeringNode(() => '0x01'),
        SAFE,
        fields,
        HASH,
      ),
    ).rejects.toMatchObject({
      message: 'The node answered getTransactionHash with something that is not a 32-byte word.',
    });
  });
});

describe('simulateFromSafe', () => {
  it('runs the inner call from the Safe, and says why it would fail', async () => {
    const ok = answeringNode(() => '0x');
    expect(await simulateFromSafe(ok, SAFE, fields)).toEqual({ ok: true, reason: null });
    expect(ok.asked[0]?.params[0]).toMatchObject({ from: SAFE, to: RECIPIENT, value: '0x5', data: '0x' });
    expect(
      await simulateFromSafe(
        answeringNode(() => nodeRefusal('execution reverted: no')),
        SAFE,
        fields,
      ),
    ).toEqual({
      ok: false,
      reason: 'It would fail: execution reverted: no',
    });
  });

  it('does not pretend to simulate a delegatecall', async () => {
    const connection = answeringNode(() => '0x');
    const result = await simulateFromSafe(connection, SAFE, { ...fields, operation: 1 });
    expect(result.ok).toBe(false);
    expect(connection.asked).toEqual([]);
  });
});

describe('checkExecutionCall', () => {
  const TRUE = encodeAbiParameters([{ type: 'bool' }], [true]);
  const FALSE = encodeAbiParameters([{ type: 'bool' }], [false]);

  it('passes an execTransaction that returns true from the executor', async () => {
    const connection = answeringNode(() => TRUE);
    await checkExecutionCall(connection, OTHER, SAFE, '0x6a761202');
    expect(connection.asked[0]?.params[0]).toMatchObject({ from: OTHER, to: SAFE, data: '0x6a761202' });
  });

  it('refuses one that reverts or returns false, before anything is sent', async () => {
    await expect(
      checkExecutionCall(
        answeringNode(() => nodeRefusal('execution reverted: GS026')),
        OTHER,
        SAFE,
        '0x',
      ),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      message: 'The Safe would refuse this execution (execution reverted: GS026). Nothing was sent.',
    });
    await expect(
      checkExecutionCall(
        answeringNode(() => FALSE),
        OTHER,
        SAFE,
        '0x',
      ),
    ).rejects.toMatchObject({
      message: 'The Safe would not execute this transaction. Nothing was sent.',
    });
  });
});

describe('executionOutcome', () => {
  it('reads the Safe’s own event for this hash, and nothing else', () => {
    const outcome = (...events: Parameters<typeof executionReceipt>[0]) =>
      executionOutcome(executionReceipt(events), SAFE, HASH);
    expect(outcome(['ExecutionSuccess', SAFE, HASH])).toBe('executed');
    expect(outcome(['ExecutionFailure', SAFE.toLowerCase(), HASH])).toBe('failed');
    expect(outcome(['ExecutionSuccess', OTHER, HASH])).toBeNull();
    expect(outcome(['ExecutionSuccess', SAFE, `0x${'00'.repeat(32)}`])).toBeNull();
    expect(outcome()).toBeNull();
  });
});

describe('chainRead', () => {
  it('turns a node’s failure into words for the user, keeping its text as the detail', async () => {
    const unreachable = new RpcError('unavailable', 'No endpoint of Ethereum answered.', {
      chainId: 1,
      host: null,
    });
    await expect(chainRead(() => Promise.reject(unreachable))).rejects.toMatchObject({
      code: 'chain_unavailable',
      message: 'No endpoint of Ethereum answered.',
      detail: 'No endpoint of Ethereum answered.',
    });
    await expect(chainRead(() => Promise.reject(nodeRefusal('execution reverted')))).rejects.toMatchObject({
      code: 'invalid_request',
    });
    const other = new Error('a bug');
    await expect(chainRead(() => Promise.reject(other))).rejects.toBe(other);
  });
});
