import type { ChecksumAddress } from '../../src/main/store/address';
import type { NewAccount } from '../../src/main/store/accountsRepository';
import type { DeviceSighting } from '../../src/main/store/devicesRepository';

/** The first accounts of the public test mnemonic ("test test … junk"), checksummed. */
export const ADDRESSES = [
  '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
] as ChecksumAddress[];

export const [ALICE, BOB, CAROL] = ADDRESSES as [ChecksumAddress, ChecksumAddress, ChecksumAddress];

export const NANO: DeviceSighting = {
  fingerprint: 'ledger:4f2a9c',
  kind: 'ledger',
  name: 'Nano X',
  model: 'nanoX',
};
export const PHONE: DeviceSighting = {
  fingerprint: 'phone:9b1d07',
  kind: 'phone',
  name: 'Pixel',
  model: null,
};

export function ledgerAccount(index: number, address: ChecksumAddress): NewAccount {
  return {
    signer: 'ledger',
    deviceFingerprint: NANO.fingerprint,
    derivationScheme: 'ledger-live',
    derivationPath: `m/44'/60'/${index}'/0/0`,
    address,
    label: `Ledger ${index + 1}`,
  };
}

export function watchAccount(address: ChecksumAddress, label = 'Watched'): NewAccount {
  return {
    signer: 'watch',
    deviceFingerprint: null,
    derivationScheme: null,
    derivationPath: null,
    address,
    label,
  };
}
