/** A USB or HID device by its ids. */
export interface UsbIds {
  vendorId: number;
  productId: number;
}

/**
 * The hardware wallets the app talks to. Main does all of it (node-hid, usb, Trezor Connect); the page is
 * granted no device at all (permissionPolicy.ts). The Linux udev rules the installers ship give console
 * users exactly these devices (scripts/packaging.test.ts checks that the two agree). Ledger (0x2c97) and
 * SatoshiLabs (0x534c) own their vendor ids outright. 0x1209 is pid.codes, a vendor id shared by many
 * open-hardware projects, so there only the product ids Trezor registered (Model T and later, bootloader and
 * firmware) count.
 */
const HARDWARE_WALLETS: readonly { vendorId: number; productIds: readonly number[] | 'any' }[] = [
  { vendorId: 0x2c97, productIds: 'any' },
  { vendorId: 0x534c, productIds: 'any' },
  { vendorId: 0x1209, productIds: [0x53c0, 0x53c1] },
];

export function isHardwareWallet(device: UsbIds): boolean {
  return HARDWARE_WALLETS.some(
    ({ vendorId, productIds }) =>
      device.vendorId === vendorId && (productIds === 'any' || productIds.includes(device.productId)),
  );
}
