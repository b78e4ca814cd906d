import type { DeviceScreen, ReviewAction } from '../../../shared/review';
import type { ChecksumAddress } from '../../store/address';

export interface ScreenInput {
  signer: { kind: 'ledger' | 'trezor' | 'phone'; label: string; fingerprint: string };
  chain: { id: number; name: string; nativeCurrency: { symbol: string; decimals: number } };
  action: ReviewAction;
  transaction: { to: ChecksumAddress | null; value: bigint; data: string };
  /** In native base units: gas limit × max fee per gas, the figure the devices compute themselves. */
  maxFee: bigint;
}

/** What one kind of signer shows: the part of DeviceScreen that depends on the device. */
export type ScreenBody = Pick<DeviceScreen, 'mode' | 'lines' | 'note'>;
export type ScreenLine = DeviceScreen['lines'][number];

/** The longest value a screen line carries; longer raw data is cut, with the cut said. */
const MAX_VALUE = 400;

export function line(label: string, value: string): ScreenLine {
  return { label, value: value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value };
}

export function carriesData(data: string): boolean {
  return data !== '' && data !== '0x';
}

/**
 * The symbol and decimals the review knows for `token`, when the review's action names that token and
 * knows it from a list (the phone and Trezor know tokens from lists of their own).
 */
export function listedToken(
  action: ReviewAction,
  token: ChecksumAddress | null,
): { symbol: string; decimals: number } | null {
  if (token === null || (action.type !== 'token-transfer' && action.type !== 'approval')) return null;
  if (action.token.address.toLowerCase() !== token.toLowerCase() || action.token.source === 'none')
    return null;
  return { symbol: action.amount.symbol, decimals: action.amount.decimals };
}
