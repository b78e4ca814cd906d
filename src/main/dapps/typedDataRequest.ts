import { z } from 'zod';
import { ApiError } from '../../shared/api/envelope';
import type { DappRequestDetail } from '../../shared/dapps';
import { SignTypedData } from '../../shared/devices';
import { addressesToCheck } from '../review/typedData/reviewTypedData';
import { parseDomain } from '../review/typedData/typedDataDomain';
import { invalidParams } from './providerError';
import { type AccountLookup, exposedAccount, HexAddress, parseParams, siteAccount } from './signingParams';
import type { ConnectedSite } from './sites';

/** A Permit2 batch or a Seaport order is a few KiB; more than this is no request a person reads. */
export const MAX_TYPED_DATA_CHARS = 64 * 1024;

type TypedData = z.output<typeof SignTypedData.shape.typedData>;

const Params = z.tuple([
  HexAddress,
  z.union([z.string().max(MAX_TYPED_DATA_CHARS), z.record(z.string(), z.unknown())]),
]);

/** The typed data of `eth_signTypedData_v4` [address, typed data as JSON text or as an object], checked whole. */
export function typedDataOf(params: unknown): { address: string; typedData: TypedData } {
  const [address, raw] = parseParams(Params, params, 'eth_signTypedData_v4');
  let json: unknown = raw;
  if (typeof raw === 'string') {
    try {
      json = JSON.parse(raw);
    } catch {
      throw invalidParams('eth_signTypedData_v4: the typed data is not valid JSON.');
    }
  } else if (JSON.stringify(raw).length > MAX_TYPED_DATA_CHARS) {
    throw invalidParams(
      `eth_signTypedData_v4: the typed data is larger than ${MAX_TYPED_DATA_CHARS} characters.`,
    );
  }
  const typedData = parseParams(SignTypedData.shape.typedData, json, 'eth_signTypedData_v4 typed data');
  try {
    // The review's own reading of the whole message: what it cannot read is refused now, not at review.
    addressesToCheck(typedData);
  } catch (error) {
    if (error instanceof ApiError) throw invalidParams(error.message);
    throw error;
  }
  return { address, typedData };
}

/**
 * `eth_signTypedData_v4`, validated: the account must be exposed to the site, and a domain that names a
 * chain must name the site's. A domain without a chain is left to the review, which warns of it.
 */
export function parseTypedData(
  params: unknown,
  site: ConnectedSite,
  accounts: AccountLookup,
): Extract<DappRequestDetail, { type: 'typed-data' }> {
  const { address, typedData } = typedDataOf(params);
  const { chainId } = parseDomain(typedData);
  if (chainId !== null && chainId !== site.chainId) {
    throw invalidParams(
      `The typed data is for chain ${chainId}, but this site is on chain ${site.chainId}; ` +
        'switch first (wallet_switchEthereumChain).',
    );
  }
  const account = exposedAccount(address, site, accounts);
  return { type: 'typed-data', chainId: site.chainId, account: siteAccount(account) };
}
