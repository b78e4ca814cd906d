import { describe, expect, it } from 'vitest';
import { TEST_MNEMONIC } from '../../signing/fixtures';
import type { EthereumContext } from './deviceFlow';
import { EmulatorKeys } from './emulatorKeys';
import { signTypedData } from './typedDataFlow';

const context: EthereumContext = {
  keys: new EmulatorKeys(TEST_MNEMONIC, ''),
  *confirm(code) {
    yield { type: 'ButtonRequest', message: { code } };
  },
};

const UINT = 1;
const ARRAY = 7;

function start(primaryType: string) {
  const flow = signTypedData(context, { address_n: [0x8000002c], primary_type: primaryType });
  return { flow, first: flow.next({ type: 'Start', message: {} }).value };
}

describe('signTypedData', () => {
  it('asks for the domain definition first, then the primary type', () => {
    const { flow, first } = start('Mail');
    expect(first).toEqual({ type: 'EthereumTypedDataStructRequest', message: { name: 'EIP712Domain' } });
    const next = flow.next({ type: 'EthereumTypedDataStructAck', message: { members: [] } }).value;
    expect(next).toEqual({ type: 'EthereumTypedDataStructRequest', message: { name: 'Mail' } });
  });

  it('refuses a struct with more members than it will hold', () => {
    const { flow } = start('EIP712Domain');
    const members = Array.from({ length: 65 }, (_, i) => ({
      name: `f${i}`,
      type: { data_type: UINT, size: 1 },
    }));
    expect(() => flow.next({ type: 'EthereumTypedDataStructAck', message: { members } })).toThrow(
      /Too many members/,
    );
  });

  it('refuses an array longer than it will hold', () => {
    const { flow } = start('EIP712Domain');
    const list = { name: 'list', type: { data_type: ARRAY, entry_type: { data_type: UINT, size: 1 } } };
    const request = flow.next({ type: 'EthereumTypedDataStructAck', message: { members: [list] } }).value;
    expect(request).toEqual({ type: 'EthereumTypedDataValueRequest', message: { member_path: [0, 0] } });
    expect(() => flow.next({ type: 'EthereumTypedDataValueAck', message: { value: '0401' } })).toThrow(
      /Array too long/,
    );
  });

  it('refuses a field type it does not know', () => {
    const { flow } = start('EIP712Domain');
    const members = [{ name: 'x', type: { data_type: 99 } }];
    expect(() => flow.next({ type: 'EthereumTypedDataStructAck', message: { members } })).toThrow(
      /Unknown field/,
    );
  });
});
