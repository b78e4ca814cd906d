/** A USB or HID device as Chromium describes it; only the ids matter for the decision. */
export interface UsbIds {
  vendorId: number;
  productId: number;
}

/**
 * The devices the renderer may ever be granted. Ledger (0x2c97) and SatoshiLabs (0x534c) own their vendor
 * ids outright. 0x1209 is pid.codes, a vendor id shared by many open-hardware projects, so there only the
 * product ids Trezor registered (Model T and later, bootloader and firmware) count.
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

/** The device a chooser may pick without asking: the first hardware wallet offered, never anything else. */
export function firstHardwareWallet<D extends UsbIds & { deviceId: string }>(
  devices: readonly D[],
): D | undefined {
  return devices.find(isHardwareWallet);
}
