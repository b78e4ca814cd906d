import { HDNodeWallet } from 'ethers';
import type { TypedData } from '../../src/main/signers/signer';

/** The published BIP39 test mnemonic both hardware test doubles sign with. */
export const TEST_MNEMONIC =
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

/** The address the test mnemonic yields at `path`, computed by ethers independently of the emulator. */
export function expectedAddress(path: string): string {
  return HDNodeWallet.fromPhrase(TEST_MNEMONIC, undefined, path).address;
}

/** Typed data that exercises nested structs, arrays of structs, fixed and dynamic bytes, negatives and bools. */
export const MAIL: TypedData = {
  domain: {
    name: 'Ether Mail',
    version: '1',
    chainId: 1,
    verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC',
  },
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Person: [
      { name: 'name', type: 'string' },
      { name: 'wallets', type: 'address[]' },
    ],
    Mail: [
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person[]' },
      { name: 'contents', type: 'string' },
      { name: 'delta', type: 'int64' },
      { name: 'urgent', type: 'bool' },
      { name: 'tag', type: 'bytes4' },
      { name: 'attachment', type: 'bytes' },
    ],
  },
  primaryType: 'Mail',
  message: {
    from: { name: 'Cow', wallets: ['0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826'] },
    to: [
      {
        name: 'Bob',
        wallets: ['0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB', '0xB0BdaBea57B0BDABeA57b0bdABEA57b0BDabEa57'],
      },
      { name: 'Alice', wallets: [] },
    ],
    contents: 'Hello, Bob!',
    delta: '-42',
    urgent: true,
    tag: '0xdeadbeef',
    attachment: `0x${'ab'.repeat(300)}`,
  },
};

export function typesWithoutDomain(data: TypedData): Record<string, { name: string; type: string }[]> {
  return Object.fromEntries(
    Object.entries(data.types)
      .filter(([name]) => name !== 'EIP712Domain')
      .map(([name, fields]) => [name, [...fields]]),
  );
}
