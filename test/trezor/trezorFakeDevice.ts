import type { HDKey } from '@scure/bip32';
import {
  asDeviceUniquePath,
  type Address,
  type Device,
  type Features,
  type KnownDevice,
} from '@trezor/connect';
import { SigningKey } from 'ethers/crypto';
import { computeAddress } from 'ethers/transaction';
import type { SettledTrezorOptions } from './trezorOptions';

/* What TrezorConnectFake reports about its one device (descriptors, Features) and the keys it signs with. */

/** What TrezorConnectFake reports about its one device: descriptors, Features and derived addresses. */

export const FAKE_PATH = asDeviceUniquePath('fake-trezor-1');

export function fakeUnacquired(): Device {
  return {
    type: 'unacquired',
    path: FAKE_PATH,
    name: 'Trezor',
    label: 'Unacquired device',
    descriptor: { apiType: 'usb', id: 'fake-usb-1' },
    transportSessionOwner: 'Trezor Suite',
    status: 'occupied',
  };
}

export function fakeDevice(options: SettledTrezorOptions, locked: boolean): KnownDevice {
  const features = fakeFeatures(options, locked);
  return {
    type: 'acquired',
    path: FAKE_PATH,
    name: 'Trezor',
    descriptor: { apiType: 'usb', id: 'fake-usb-1' },
    id: features.device_id,
    label: options.label,
    firmware: 'valid',
    status: 'available',
    mode: 'normal',
    features,
    unavailableCapabilities: {},
    availableTranslations: {},
    authenticityChecks: { firmwareRevision: null, firmwareHash: null },
  };
}

export function fakeFeatures(options: SettledTrezorOptions, locked: boolean): Features {
  const [major, minor, patch] = options.firmware;
  return {
    vendor: 'trezor.io',
    major_version: major,
    minor_version: minor,
    patch_version: patch,
    bootloader_mode: null,
    device_id: 'FAKE0000000000000001',
    pin_protection: options.pin !== null,
    passphrase_protection: options.passphrase,
    language: 'en-US',
    label: options.label,
    initialized: true,
    revision: null,
    bootloader_hash: null,
    imported: null,
    unlocked: !locked,
    firmware_present: null,
    backup_availability: null,
    flags: null,
    model: options.model === 'T1B1' ? '1' : 'T',
    fw_major: null,
    fw_minor: null,
    fw_patch: null,
    fw_vendor: null,
    unfinished_backup: null,
    no_backup: null,
    recovery_status: null,
    capabilities: ['Capability_Ethereum'],
    backup_type: null,
    sd_card_present: null,
    sd_protection: null,
    wipe_code_protection: null,
    session_id: null,
    passphrase_always_on_device: null,
    safety_checks: null,
    auto_lock_delay_ms: null,
    display_rotation: null,
    experimental_features: null,
    // The same strings, typed as the enum from @trezor/device-utils, which the wallet does not depend on.
    internal_model: options.model as Features['internal_model'],
  };
}

export function address(root: HDKey, path: string | number[]): Address {
  const serializedPath = pathString(path);
  return {
    address: computeAddress(key(root, path).publicKey),
    path: pathNumbers(serializedPath),
    serializedPath,
  };
}

export function key(root: HDKey, path: string | number[]): SigningKey {
  const privateKey = root.derive(pathString(path)).privateKey;
  if (!privateKey) throw new Error('The fake derived a node without a private key.');
  return new SigningKey(privateKey);
}

const HARDENED = 0x80000000;

export function pathString(path: string | number[]): string {
  if (typeof path === 'string') return path;
  return ['m', ...path.map((index) => (index >= HARDENED ? `${index - HARDENED}'` : String(index)))].join(
    '/',
  );
}

export function pathNumbers(path: string): number[] {
  return path
    .split('/')
    .slice(1)
    .map((part) => (part.endsWith("'") ? Number(part.slice(0, -1)) + HARDENED : Number(part)));
}
