import type { DeviceScreen, TypedDataReview } from '../../shared/review';
import type { ChainConnection } from '../chains/chainsService';
import { isBlocked } from '../review/findings/collectFindings';
import { PartyNames } from '../review/parties';
import { addressesToCheck, reviewTypedData } from '../review/typedData/reviewTypedData';
import { rpc } from '../rpc/jsonRpc';
import type { Account } from '../store/accountsRepository';
import type { ChecksumAddress } from '../store/address';
import type { Repositories } from '../store/repositories';
import type { TypedData } from './signer';

/** What a typed-data review reads besides the data: the wallet's names, its tokens and the active chain. */
export interface TypedDataReviewDeps {
  repositories: Pick<Repositories, 'accounts' | 'addressBook' | 'labels'>;
  connection: (chainId: number) => Promise<ChainConnection>;
  tokens: (chainId: number, address: ChecksumAddress) => { symbol: string; decimals: number } | undefined;
}

/** More would let one request make the review wait on a long batch of code reads. */
const MAX_CODE_READS = 24;

/**
 * What typed data allows, decoded against the active chain, with the device's lines added. Which spenders
 * and contracts have code is read from the user's own node; when it does not answer, findings that need it
 * say nothing rather than guess.
 */
export async function buildTypedDataReview(
  account: Account,
  data: TypedData,
  activeChainId: number,
  deps: TypedDataReviewDeps,
  device: DeviceScreen | null,
  now: number,
): Promise<TypedDataReview> {
  const codes = await readCodes(deps, activeChainId, addressesToCheck(data).slice(0, MAX_CODE_READS));
  const names = new PartyNames({
    accounts: deps.repositories.accounts.list(),
    addressBook: deps.repositories.addressBook.usableOn(activeChainId),
    labels: deps.repositories.labels.list(),
    tokens: (address) => deps.tokens(activeChainId, address) ?? null,
    chainId: activeChainId,
  });
  const review = reviewTypedData(data, {
    from: { accountId: account.id, address: account.address, label: account.label },
    activeChainId,
    party: (address) => names.party(address),
    token: (chainId, address) => deps.tokens(chainId, address) ?? null,
    hasCode: (address) => codes.get(address) ?? null,
    now: Math.floor(now / 1000),
  });
  return { ...review, device, blocked: isBlocked(review.findings, false) };
}

async function readCodes(
  deps: TypedDataReviewDeps,
  chainId: number,
  addresses: readonly ChecksumAddress[],
): Promise<Map<ChecksumAddress, boolean>> {
  if (addresses.length === 0) return new Map();
  try {
    const { client, signal } = await deps.connection(chainId);
    const codes = await client.sendBatch(
      addresses.map((address) => rpc.getCode(address, 'latest')),
      signal,
    );
    return new Map(addresses.map((address, index) => [address, codes[index] !== '0x']));
  } catch {
    return new Map();
  }
}
