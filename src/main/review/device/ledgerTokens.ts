import { signatures } from '@ledgerhq/cryptoassets-evm-signatures/lib/data/evm/index';
import type { ChecksumAddress } from '../../store/address';

/**
 * Ledger's signed ERC-20 descriptors, bundled (never fetched): per chain, a base64 run of
 * `u32 length ‖ u8 tickerLength ‖ ticker ‖ address(20) ‖ u32 decimals ‖ u32 chainId ‖ DER signature`.
 * Everything after the length is what the Ethereum app's "provide ERC-20 token information" command
 * (E0 0A) takes; the app checks the signature against Ledger's key, so the wallet only has to pick the
 * right one.
 */
export interface LedgerTokenDescriptor {
  /** The descriptor as hex without 0x, as hw-app-eth's `provideERC20TokenInformation` takes it. */
  hex: string;
  ticker: string;
  decimals: number;
}

const BLOBS: Readonly<Record<number, string>> = signatures;
/** Ticker (≥1 byte), address, decimals and chain id come before the signature. */
const FIXED_FIELDS = 20 + 4 + 4;
const parsed = new Map<number, Map<string, LedgerTokenDescriptor>>();

/** Ledger's signed descriptor of an ERC-20 token (hex, what provideERC20TokenInformation takes), or null. */
export function ledgerTokenDescriptor(chainId: number, token: ChecksumAddress): LedgerTokenDescriptor | null {
  return descriptorsOf(chainId).get(token.toLowerCase()) ?? null;
}

function descriptorsOf(chainId: number): Map<string, LedgerTokenDescriptor> {
  let byAddress = parsed.get(chainId);
  if (!byAddress) {
    const blob = Object.hasOwn(BLOBS, chainId) ? BLOBS[chainId] : undefined;
    byAddress = blob === undefined ? new Map() : parseDescriptors(Buffer.from(blob, 'base64'), chainId);
    parsed.set(chainId, byAddress);
  }
  return byAddress;
}

/**
 * Exported for its test. Stops at the first entry that does not fit, and keeps only entries for `chainId`,
 * so a damaged file can lose tokens (they fall back to blind signing) but never hand the device a
 * descriptor for another chain.
 */
export function parseDescriptors(blob: Buffer, chainId: number): Map<string, LedgerTokenDescriptor> {
  const byAddress = new Map<string, LedgerTokenDescriptor>();
  let offset = 0;
  while (offset + 4 <= blob.length) {
    const length = blob.readUInt32BE(offset);
    const item = blob.subarray(offset + 4, offset + 4 + length);
    offset += 4 + length;
    const tickerLength = item[0] ?? 0;
    if (item.length !== length || tickerLength === 0 || item.length <= 1 + tickerLength + FIXED_FIELDS) break;
    const at = 1 + tickerLength;
    if (item.readUInt32BE(at + 24) !== chainId) continue;
    const address = `0x${item.subarray(at, at + 20).toString('hex')}`;
    byAddress.set(address, {
      hex: item.toString('hex'),
      ticker: item.subarray(1, at).toString('ascii'),
      decimals: item.readUInt32BE(at + 20),
    });
  }
  return byAddress;
}
