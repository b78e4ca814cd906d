import { ApiError } from '../../../src/shared/api/envelope';
import { BLIND_SIGNING_WARNING, type DeviceView, type SignTypedData } from '../../../src/shared/devices';
import type { DeviceScreen, TypedDataReview } from '../../../src/shared/review';
import { ApiCallError } from '../../../src/renderer/api/client';
import type { Channel } from '../../../src/shared/api/contract';
import { isBlocked } from '../../../src/main/review/findings/collectFindings';
import { PartyNames } from '../../../src/main/review/parties';
import { reviewTypedData } from '../../../src/main/review/typedData/reviewTypedData';
import type { TypedData } from '../../../src/main/signers/signer';
import {
  blindSigningRefused,
  typedDataChecks,
  typedDataLines,
} from '../../../src/main/signers/signingChecks';
import type { ChecksumAddress } from '../../../src/main/store/address';
import type { DoubleWorld } from './world';

/** The first Ledger Ethereum app that shows EIP-712 fields; older ones sign typed data by its hashes only. */
const CLEAR_TYPED_DATA_VERSION = [1, 9, 19];

/** Whether the device can show the fields of typed data; a double's Trezor always can. */
export function clearSignsTypedData(device: DeviceView): boolean {
  if (device.kind !== 'ledger') return true;
  const version = (device.app?.version ?? '0').split('.').map(Number);
  for (const [index, wanted] of CLEAR_TYPED_DATA_VERSION.entries()) {
    const part = version[index] ?? 0;
    if (part !== wanted) return part > wanted;
  }
  return true;
}

/** Main's refusals, as the renderer hears them over the router. */
function asCallError(channel: Channel, error: unknown): unknown {
  return error instanceof ApiError
    ? new ApiCallError(channel, { code: error.code, message: error.message })
    : error;
}

/**
 * signing.reviewTypedData as main answers it: the real decoder (src/main/review/typedData), with names from
 * the double's accounts, address book and tokens; the device lines the account's device would show.
 */
export function typedDataReview(
  double: DoubleWorld,
  device: DeviceView,
  { accountId, typedData }: SignTypedData,
): TypedDataReview {
  const account = double.accounts.find((a) => a.id === accountId);
  if (!account)
    throw new ApiCallError('signing.reviewTypedData', { code: 'not_found', message: 'No such account.' });
  const chainId = double.settings.activeChainId;
  const token = (chain: number, address: string) =>
    double.portfolio.tokens.find(
      (t) => t.chainId === chain && t.address.toLowerCase() === address.toLowerCase(),
    ) ?? null;
  const names = new PartyNames({
    accounts: double.accounts,
    addressBook: Object.entries(double.addressBook).map(([address, name]) => ({ address, name })),
    labels: double.names.labels.map(({ address, name }) => ({ address, name })),
    tokens: (address) => token(chainId, address),
    chainId,
  });
  const data = typedData as TypedData;
  try {
    const review = reviewTypedData(data, {
      from: { accountId, address: account.address as ChecksumAddress, label: account.label },
      activeChainId: chainId,
      party: (address) => names.party(address),
      token,
      hasCode: () => null,
      now: Math.floor(Date.now() / 1000),
    });
    return { ...review, device: deviceScreen(device, data), blocked: isBlocked(review.findings, false) };
  } catch (error) {
    throw asCallError('signing.reviewTypedData', error);
  }
}

function deviceScreen(device: DeviceView, data: TypedData): DeviceScreen {
  const clear = clearSignsTypedData(device);
  const lines = typedDataLines(data);
  return {
    kind: device.kind,
    label: device.label,
    fingerprint: device.fingerprint ?? '',
    mode: clear ? 'clear' : 'blind',
    lines: clear ? lines.clear : lines.hashed,
    note: clear ? null : BLIND_SIGNING_WARNING,
  };
}

/**
 * Main's checks before typed data reaches a device: its chain against the active one, and the user's
 * consent to a domain without chainId and to a blind signature. Answers the lines the device will show.
 */
export function checkTypedData(double: DoubleWorld, device: DeviceView, request: SignTypedData) {
  const data = request.typedData as TypedData;
  try {
    const checks = typedDataChecks(data, double.settings.activeChainId, request.allowMissingChainId ?? false);
    const blind = !clearSignsTypedData(device);
    if (blind && !request.allowBlindSigning) {
      throw new ApiCallError('signing.typedData', {
        code: 'device_error',
        message: blindSigningRefused().message,
      });
    }
    return { check: blind ? checks.hashed : checks.clear, blind };
  } catch (error) {
    throw asCallError('signing.typedData', error);
  }
}
