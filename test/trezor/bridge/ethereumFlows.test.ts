import { Transaction } from 'ethers/transaction';
import { describe, expect, it } from 'vitest';
import { TEST_MNEMONIC, expectedAddress } from '../../signing/fixtures';
import { DeviceFailure, type EthereumContext } from './deviceFlow';
import { EmulatorKeys } from './emulatorKeys';
import { DATA_CHUNK_BYTES, ETHEREUM_FLOWS } from './ethereumFlows';
import type { WireMessage } from './trezorWire';

const FIRST = [0x8000002c, 0x8000003c, 0x80000000, 0, 0];

const context: EthereumContext = {
  keys: new EmulatorKeys(TEST_MNEMONIC, ''),
  *confirm(code) {
    yield { type: 'ButtonRequest', message: { code } };
  },
};

/** Runs a flow to its end, acknowledging each button and feeding data chunks from `data`. */
function run(
  type: string,
  message: Record<string, unknown>,
  data = '',
): { final: WireMessage; asked: number[] } {
  const start = ETHEREUM_FLOWS[type];
  if (!start) throw new Error(`no flow for ${type}`);
  const flow = start(context, message);
  const asked: number[] = [];
  let step = flow.next({ type: 'Start', message: {} });
  let offset = 0;
  while (!step.done) {
    if (step.value.type === 'EthereumTxRequest') {
      const length = step.value.message.data_length as number;
      asked.push(length);
      step = flow.next({
        type: 'EthereumTxAck',
        message: { data_chunk: data.slice(offset, offset + length * 2) },
      });
      offset += length * 2;
    } else {
      step = flow.next({ type: 'ButtonAck', message: {} });
    }
  }
  return { final: step.value, asked };
}

describe('ETHEREUM_FLOWS', () => {
  it('asks for calldata in 1 KB chunks and signs the whole of it', () => {
    const data = 'cd'.repeat(3000);
    const initial = data.slice(0, DATA_CHUNK_BYTES * 2);
    const request = {
      address_n: FIRST,
      nonce: '01',
      max_gas_fee: '3b9aca00',
      max_priority_fee: '01',
      gas_limit: '5208',
      to: '0x000000000000000000000000000000000000dEaD',
      value: '',
      chain_id: 1,
      data_initial_chunk: initial,
      data_length: 3000,
    };
    const { final, asked } = run('EthereumSignTxEIP1559', request, data.slice(initial.length));
    expect(asked).toEqual([1024, 952]);
    const transaction = Transaction.from({
      type: 2,
      chainId: 1,
      nonce: 1,
      maxFeePerGas: 1_000_000_000n,
      maxPriorityFeePerGas: 1n,
      gasLimit: 21000n,
      to: request.to,
      value: 0n,
      data: `0x${data}`,
    });
    transaction.signature = {
      r: `0x${final.message.signature_r as string}`,
      s: `0x${final.message.signature_s as string}`,
      v: 27 + (final.message.signature_v as number),
    };
    expect(transaction.from).toBe(expectedAddress("m/44'/60'/0'/0/0"));
  });

  it('returns the parity alone as legacy v once 2·chainId + 35 no longer fits 32 bits', () => {
    const base = { address_n: FIRST, gas_price: '01', gas_limit: '5208', to: '', value: '' };
    const small = run('EthereumSignTx', { ...base, chain_id: 1 }).final.message.signature_v as number;
    const huge = run('EthereumSignTx', { ...base, chain_id: 2 ** 31 }).final.message.signature_v as number;
    expect([37, 38]).toContain(small);
    expect([0, 1]).toContain(huge);
  });

  it('refuses more calldata than it declared or than it can hold', () => {
    expect(() =>
      run('EthereumSignTx', { address_n: FIRST, data_initial_chunk: 'aabb', data_length: 1 }),
    ).toThrow(DeviceFailure);
    expect(() => run('EthereumSignTx', { address_n: FIRST, data_length: 10 ** 7 })).toThrow(
      /Invalid data length/,
    );
  });
});
