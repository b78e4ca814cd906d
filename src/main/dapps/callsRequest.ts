import { z } from 'zod';
import type { DappCall, DappRequestDetail } from '../../shared/dapps';
import { invalidParams, ProviderError } from './providerError';
import {
  type AccountLookup,
  exposedAccount,
  firstExposedAccount,
  HexAddress,
  HexData,
  HexQuantity,
  parseParams,
  siteAccount,
} from './signingParams';
import type { ConnectedSite } from './sites';

/** EIP-5792's own error codes. */
export const CALLS_ERRORS = {
  unsupportedCapability: 5700,
  unsupportedChain: 5710,
  duplicateId: 5720,
  unknownBundle: 5730,
  batchTooLarge: 5740,
  atomicityUnsupported: 5760,
} as const;

/** One at a time, each reviewed and signed: more than this is more than anyone reviews in one sitting. */
export const MAX_CALLS = 10;

/** A capability a site names; without `optional: true` the wallet must support it or refuse the batch. */
const Capabilities = z.record(z.string().max(100), z.unknown()).optional();
/** The batch id: the store keeps 32 bytes of hex, which is what wallets and viem generate. */
export const BatchId = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'a batch id of 32 bytes of hex')
  .transform((id) => id.toLowerCase());

const Call = z.looseObject({
  to: HexAddress.nullish(),
  data: HexData.optional(),
  value: HexQuantity.optional(),
  capabilities: Capabilities,
});

const SendCalls = z.looseObject({
  version: z.literal('2.0.0', 'version 2.0.0'),
  id: BatchId.optional(),
  chainId: HexQuantity,
  from: HexAddress.optional(),
  atomicRequired: z.boolean(),
  calls: z.array(z.unknown()).min(1, 'at least one call'),
  capabilities: Capabilities,
});

const Params = z.tuple([SendCalls]);

function requiredCapability(capabilities: Record<string, unknown> | undefined): string | null {
  for (const [name, value] of Object.entries(capabilities ?? {})) {
    const optional =
      typeof value === 'object' && value !== null && (value as { optional?: unknown }).optional === true;
    if (!optional) return name;
  }
  return null;
}

function unsupported(name: string): ProviderError {
  return new ProviderError(
    CALLS_ERRORS.unsupportedCapability,
    `The wallet does not support the capability ${JSON.stringify(name.slice(0, 100))}.`,
  );
}

/** The site's batch as sent: its own id, if it gave one, and the validated request. */
export function sendCallsOf(params: unknown): z.output<typeof SendCalls> {
  return parseParams(Params, params, 'wallet_sendCalls')[0];
}

/**
 * `wallet_sendCalls` (EIP-5792 2.0.0), validated into calls run one by one. An ordinary account has no
 * atomic batch, so a site that requires atomicity is told so (5760) rather than given something weaker.
 */
export function parseSendCalls(
  params: unknown,
  site: ConnectedSite,
  accounts: AccountLookup,
  isTaken: (id: string) => boolean,
): Extract<DappRequestDetail, { type: 'calls' }> {
  const batch = sendCallsOf(params);
  if (batch.atomicRequired) {
    throw new ProviderError(
      CALLS_ERRORS.atomicityUnsupported,
      'This wallet runs calls one by one (an ordinary account); it cannot run them atomically.',
    );
  }
  const topLevel = requiredCapability(batch.capabilities);
  if (topLevel) throw unsupported(topLevel);
  if (batch.chainId !== BigInt(site.chainId)) {
    throw new ProviderError(
      CALLS_ERRORS.unsupportedChain,
      `The calls are for chain ${batch.chainId}, but this site is on chain ${site.chainId}.`,
    );
  }
  if (batch.calls.length > MAX_CALLS) {
    throw new ProviderError(
      CALLS_ERRORS.batchTooLarge,
      `The wallet takes at most ${MAX_CALLS} calls in one batch; this one has ${batch.calls.length}.`,
    );
  }
  const calls = batch.calls.map((raw, index): DappCall => {
    const call = parseParams(Call, raw, `wallet_sendCalls call ${index}`);
    const capability = requiredCapability(call.capabilities);
    if (capability) throw unsupported(capability);
    if (!call.to) {
      throw invalidParams(
        `wallet_sendCalls call ${index}: the wallet does not deploy contracts for sites; give a \`to\`.`,
      );
    }
    return { to: call.to.toLowerCase(), value: (call.value ?? 0n).toString(), data: call.data ?? '0x' };
  });
  if (batch.id !== undefined && isTaken(batch.id)) {
    throw new ProviderError(CALLS_ERRORS.duplicateId, 'A batch with this id was already sent.');
  }
  const account = batch.from
    ? exposedAccount(batch.from, site, accounts)
    : firstExposedAccount(site, accounts);
  return { type: 'calls', chainId: site.chainId, account: siteAccount(account), calls };
}
