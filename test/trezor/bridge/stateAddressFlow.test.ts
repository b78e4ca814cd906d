import { describe, expect, it } from 'vitest';
import { TEST_MNEMONIC } from '../../signing/fixtures';
import { EmulatorKeys } from './emulatorKeys';
import { stateAddress } from './stateAddressFlow';

const FIRST_TESTNET = [0x8000002c, 0x80000001, 0x80000000, 0, 0];

describe('stateAddress', () => {
  it("derives the mnemonic's first testnet P2PKH address, the one TrezorConnect names the wallet by", () => {
    const flow = stateAddress(new EmulatorKeys(TEST_MNEMONIC, ''), {
      address_n: FIRST_TESTNET,
      coin_name: 'Testnet',
      script_type: 'SPENDADDRESS',
    });
    // The published first testnet address of the abandon mnemonic (BIP44, legacy).
    expect(flow.next().value).toEqual({
      type: 'Address',
      message: { address: 'mkpZhYtJu2r87Js3pDiWJDmPte2NRZ8bJV' },
    });
  });

  it('refuses any other Bitcoin request', () => {
    const flow = stateAddress(new EmulatorKeys(TEST_MNEMONIC, ''), {
      address_n: FIRST_TESTNET,
      coin_name: 'Bitcoin',
      script_type: 'SPENDWITNESS',
    });
    expect(() => flow.next()).toThrow(/only derives/);
  });
});
