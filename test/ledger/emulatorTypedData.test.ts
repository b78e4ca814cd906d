import Eth from '@ledgerhq/hw-app-eth';
import { Signature, TypedDataEncoder, recoverAddress } from 'ethers';
import { describe, expect, it } from 'vitest';
import { MAIL, expectedAddress, typesWithoutDomain } from '../signing/fixtures';
import { toLedgerTypedMessage } from '../../src/main/signers/ledger/ledgerTypedData';
import { TypedDataAssembler } from './emulatorTypedData';
import { LedgerEmulator } from './ledgerEmulator';

describe('TypedDataAssembler', () => {
  it('rebuilds the message hw-app-eth streams and hashes it as EIP-712 does', async () => {
    const emulator = new LedgerEmulator();
    const eth = new Eth(emulator, 'w0w', { calServiceURL: null, cryptoassetsBaseURL: null });
    const { v, r, s } = await eth.signEIP712Message("44'/60'/0'/0/0", toLedgerTypedMessage(MAIL));
    const digest = TypedDataEncoder.hash(MAIL.domain, typesWithoutDomain(MAIL), MAIL.message);
    expect(recoverAddress(digest, Signature.from({ r: `0x${r}`, s: `0x${s}`, v }))).toBe(
      expectedAddress("m/44'/60'/0'/0/0"),
    );
  });

  it('decodes each atom type from its definition and value bytes', () => {
    const assembler = new TypedDataAssembler();
    assembler.defineStruct('EIP712Domain');
    assembler.defineField(Buffer.from([0x05, 4, ...Buffer.from('name')]));
    assembler.defineStruct('T');
    assembler.defineField(Buffer.from([0x41, 1, 1, ...Buffer.from('i')])); // int8
    assembler.defineField(Buffer.from([0x04, 1, ...Buffer.from('b')])); // bool
    assembler.defineField(Buffer.from([0x83, 1, 1, 2, 1, ...Buffer.from('a')])); // address[2]
    assembler.startRoot('EIP712Domain');
    assembler.fieldChunk(Buffer.from([0, 1, 0x78]), true);
    assembler.startRoot('T');
    assembler.fieldChunk(Buffer.from([0, 1, 0xff]), true);
    assembler.fieldChunk(Buffer.from([0, 1, 0x01]), true);
    assembler.arrayLength(2);
    const address = Buffer.alloc(20, 0x11);
    assembler.fieldChunk(Buffer.concat([Buffer.from([0, 20]), address.subarray(0, 5)]), false);
    assembler.fieldChunk(address.subarray(5), true);
    assembler.fieldChunk(Buffer.concat([Buffer.from([0, 20]), address]), true);
    const types = {
      T: [
        { name: 'i', type: 'int8' },
        { name: 'b', type: 'bool' },
        { name: 'a', type: 'address[2]' },
      ],
    };
    const value = { i: -1, b: true, a: [`0x${address.toString('hex')}`, `0x${address.toString('hex')}`] };
    expect(assembler.digest()).toBe(TypedDataEncoder.hash({ name: 'x' }, types, value));
  });
});
