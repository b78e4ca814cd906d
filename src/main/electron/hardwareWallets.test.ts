import { describe, expect, it } from 'vitest';
import { isHardwareWallet } from './hardwareWallets';

describe('isHardwareWallet', () => {
  it.each([
    ['Ledger Nano S', 0x2c97, 0x1011],
    ['Ledger Nano X', 0x2c97, 0x4011],
    ['Ledger Stax', 0x2c97, 0x6011],
    ['Trezor One', 0x534c, 0x0001],
    ['Trezor Model T bootloader', 0x1209, 0x53c0],
    ['Trezor Model T', 0x1209, 0x53c1],
  ])('admits a %s', (_name, vendorId, productId) => {
    expect(isHardwareWallet({ vendorId, productId })).toBe(true);
  });

  it.each([
    ['another pid.codes project', 0x1209, 0x0001],
    ['a keyboard', 0x046d, 0xc31c],
    ['a YubiKey', 0x1050, 0x0407],
    ['no ids at all', 0, 0],
  ])('refuses %s', (_name, vendorId, productId) => {
    expect(isHardwareWallet({ vendorId, productId })).toBe(false);
  });
});
