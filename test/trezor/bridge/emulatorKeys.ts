import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { SigningKey } from 'ethers/crypto';
import { computeAddress } from 'ethers/transaction';

/** The keys of one wallet (mnemonic + passphrase), derived the way the firmware does (BIP-32 over BIP-39). */
export class EmulatorKeys {
  private readonly root: HDKey;

  constructor(mnemonic: string, passphrase: string) {
    this.root = HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic, passphrase));
  }

  node(addressN: readonly number[]): HDKey {
    return addressN.reduce((node, index) => node.deriveChild(index), this.root);
  }

  address(addressN: readonly number[]): string {
    return computeAddress(this.signingKey(addressN).publicKey);
  }

  signingKey(addressN: readonly number[]): SigningKey {
    const key = this.node(addressN).privateKey;
    if (!key) throw new Error('The emulator derived a node without a private key.');
    return new SigningKey(key);
  }
}
