import type Transport from '@ledgerhq/hw-transport';
import { DeviceError } from '../../../shared/deviceError';

export interface LedgerApp {
  name: string;
  version: string;
}

/** The name `B0 01` reports when no app is open. */
export const DASHBOARD = 'BOLOS';
export const ETHEREUM_APP = 'Ethereum';

/**
 * The Ethereum app version from which Ledger documents the EIP-712 struct commands (`E0 1A`/`E0 1C`) and
 * the full-mode sign, so the user sees fields rather than two hashes.
 */
export const FULL_EIP712_VERSION = '1.9.19';

/** `B0 01` is answered by the OS as well as by any app, so it works whatever is open. */
export async function readOpenApp(transport: Transport): Promise<LedgerApp> {
  return parseAppAndVersion(await transport.send(0xb0, 0x01, 0x00, 0x00));
}

/** Layout: format byte, name length, name, version length, version, then flags this wallet ignores. */
export function parseAppAndVersion(response: Uint8Array): LedgerApp {
  const text = new TextDecoder('ascii');
  const nameLength = response[1] ?? 0;
  const name = text.decode(response.subarray(2, 2 + nameLength));
  const versionLength = response[2 + nameLength] ?? 0;
  const versionStart = 3 + nameLength;
  const version = text.decode(response.subarray(versionStart, versionStart + versionLength));
  return { name, version };
}

export function clearSignsTypedData(version: string): boolean {
  return compareVersions(version, FULL_EIP712_VERSION) >= 0;
}

/** Throws the DeviceError the user needs when the open app is not Ethereum. */
export function requireEthereumApp(app: LedgerApp): void {
  if (app.name === ETHEREUM_APP) return;
  if (app.name === DASHBOARD) {
    throw new DeviceError(
      'app_closed',
      'The Ethereum app is not open on the Ledger.',
      'Open the Ethereum app on the Ledger.',
    );
  }
  throw new DeviceError(
    'wrong_app',
    `${app.name} is open on the Ledger.`,
    `Close ${app.name} and open the Ethereum app.`,
  );
}

/** Numeric comparison of dotted versions; pre-release suffixes ("1.10.0-rc1") count as their release. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string): number[] =>
    version
      .split('-')[0]
      ?.split('.')
      .map((part) => Number(part) || 0) ?? [];
  const [left, right] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
