import { Interface, parseUnits } from 'ethers';
import { ApiError } from '../../shared/api/envelope';
import type { SendDraft } from '../../shared/tx';
import type { ChecksumAddress } from '../store/address';
import { toChecksumAddress } from '../store/address';
import { RecipientError, resolveRecipient } from './recipient/resolveRecipient';
import { type PreparedTransaction, type ReviewContext, reviewTransaction } from './review/transactionReview';

/** What a send's review reads: the review's own context, and the nonce the outgoing lifecycle would use. */
export interface SendContext extends ReviewContext {
  nextNonce: (address: ChecksumAddress, chainId: number) => Promise<number>;
}

const ERC20 = new Interface(['function transfer(address to, uint256 amount)']);

/**
 * A send as the Send page composes it (a name or address, an asset, an amount as typed, maybe call data),
 * turned into the call it makes and reviewed like every other transaction.
 */
export async function prepareSend(input: SendDraft, context: SendContext): Promise<PreparedTransaction> {
  const draft = { ...input, speed: input.speed ?? 'normal', allowRevert: input.allowRevert ?? false };
  const account = context.repositories.accounts.get(draft.accountId);
  const { chain } = await context.connection(draft.chainId);
  const asset =
    draft.asset === 'native'
      ? { token: null, ...chain.nativeCurrency }
      : tokenAsset(context, draft.chainId, toChecksumAddress(draft.asset));
  const data = draft.data ?? '0x';
  if (asset.token && data !== '0x') {
    throw new ApiError(
      'invalid_request',
      'Call data goes with the network’s own coin, not with a token send.',
    );
  }
  let amount: bigint;
  try {
    amount = parseUnits(draft.amount, asset.decimals);
  } catch {
    throw new ApiError(
      'invalid_request',
      `${asset.symbol} has ${asset.decimals} decimals; the amount has more.`,
    );
  }
  const addressBook = context.repositories.addressBook.usableOn(draft.chainId);
  let to: ChecksumAddress;
  try {
    to = resolveRecipient(draft.to, {
      accounts: context.repositories.accounts.list(),
      addressBook,
      labels: context.repositories.labels.list(),
    }).address;
  } catch (error) {
    if (error instanceof RecipientError) throw new ApiError('invalid_request', error.message);
    throw error;
  }
  const call = asset.token
    ? { to: asset.token, value: 0n, data: ERC20.encodeFunctionData('transfer', [to, amount]) }
    : { to, value: amount, data };
  return reviewTransaction(
    {
      purpose: data === '0x' ? 'send' : 'call',
      account,
      chainId: draft.chainId,
      call,
      nonce: await context.nextNonce(account.address, draft.chainId),
      fees: { speed: draft.speed, custom: draft.custom },
      allowRevert: draft.allowRevert,
      signerChainId: null,
    },
    context,
  );
}

function tokenAsset(context: SendContext, chainId: number, token: ChecksumAddress) {
  const info = context.tokens(chainId, token);
  if (!info)
    throw new ApiError('invalid_request', 'That token is not in your tokens on this network; add it first.');
  return { token, symbol: info.symbol, decimals: info.decimals };
}
