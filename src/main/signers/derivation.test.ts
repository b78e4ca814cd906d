import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { describe, expect, it } from 'vitest';
import { expectedAddress, TEST_MNEMONIC } from '../../../test/signing/fixtures';
import { deriveChildAddress, FINGERPRINT_PATH, SCHEMES, seedFingerprint } from './derivation';

const root = HDKey.fromMasterSeed(mnemonicToSeedSync(TEST_MNEMONIC));
const extended = (path: string) => {
  const node = root.derive(path);
  return { publicKey: node.publicKey as Uint8Array, chainCode: node.chainCode as Uint8Array };
};

describe('derivation schemes', () => {
  it('lay out the three paths people actually have', () => {
    expect(SCHEMES['ledger-live'].path(3)).toBe("m/44'/60'/3'/0/0");
    expect(SCHEMES.bip44.path(3)).toBe("m/44'/60'/0'/0/3");
    expect(SCHEMES.legacy.path(3)).toBe("m/44'/60'/0'/3");
    expect(SCHEMES.bip44.firstIndex).toBe(1);
  });

  it.each(['bip44', 'legacy'] as const)(
    'derive %s children from one extended key as the seed would',
    (scheme) => {
      const { branch, path } = SCHEMES[scheme];
      const parent = extended(branch as string);
      for (const index of [0, 1, 7, 19])
        expect(deriveChildAddress(parent, index)).toBe(expectedAddress(path(index)));
    },
  );

  it('has the well-known first address of the test mnemonic at BIP44 index 0', () => {
    expect(deriveChildAddress(extended("m/44'/60'/0'/0"), 0)).toBe(
      '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
    );
  });

  it("fingerprints a seed by its m/44'/60'/0' key, the same for any device holding it", () => {
    const fingerprint = seedFingerprint(extended(FINGERPRINT_PATH));
    expect(fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(fingerprint).toBe(root.derive(FINGERPRINT_PATH).fingerprint.toString(16).padStart(8, '0'));
    expect(seedFingerprint(extended("m/44'/60'/1'"))).not.toBe(fingerprint);
  });
});
