import { formatUnits, Interface, parseUnits } from 'ethers';
import { ApiError } from '../../shared/api/envelope';
import type { SendDraft, SendReview } from '../../shared/tx';
import type { ChainConnection } from '../chains/chainsService';
import { rpc } from '../rpc/jsonRpc';
import { AddressNames } from '../store/addressNames';
import type { TokenLookup } from '../history/activity';
import type { Account } from '../store/accountsRepository';
import { type ChecksumAddress, toChecksumAddress } from '../store/address';
import type { Repositories } from '../store/repositories';
import { cannotSign } from '../../shared/watchOnly';
import { estimateFees } from './fees/feeEstimator';
import { customOption, feeOption } from './fees/feeChoice';
import { checkRecipient } from './recipient/checkRecipient';
import { reasonOf } from './txErrors';
import { RecipientError } from './recipient/resolveRecipient';

/** What a review reads: the wallet's names and accounts, the chain, and what was sent before. */
export interface SendContext {
  repositories: Pick<Repositories, 'accounts' | 'addressBook' | 'labels' | 'devices'>;
  tokens: TokenLookup;
  /** Addresses the account dealt with, from history: the reference for first-time and look-alike checks. */
  counterparties: (account: ChecksumAddress) => ChecksumAddress[];
  connection: (chainId: number) => Promise<ChainConnection>;
  nextNonce: (address: ChecksumAddress, chainId: number) => Promise<number>;
  /** Where the account sent before, from the outgoing transactions. */
  sentTo: (address: ChecksumAddress) => ChecksumAddress[];
}

/** A reviewed send, with what signing it needs. */
export type PreparedSend = Awaited<ReturnType<typeof prepareSend>>;

const ERC20 = new Interface(['function transfer(address to, uint256 amount)']);

/**
 * The review of a send says everything before anything is signed: the checked recipient, the fees at each
 * speed in the native coin, the nonce, and what the signing device will show.
 */
export async function prepareSend(input: SendDraft, context: SendContext) {
  const draft = { ...input, speed: input.speed ?? 'normal' };
  const account = context.repositories.accounts.get(draft.accountId);
  const { chain, client, signal } = await context.connection(draft.chainId);
  const asset =
    draft.asset === 'native'
      ? { token: null, ...chain.nativeCurrency }
      : tokenAsset(context, draft.chainId, toChecksumAddress(draft.asset));
  let amount: bigint;
  try {
    amount = parseUnits(draft.amount, asset.decimals);
  } catch {
    throw new ApiError(
      'invalid_request',
      `${asset.symbol} has ${asset.decimals} decimals; the amount has more.`,
    );
  }
  const names = new AddressNames(context.repositories);
  const counterparties = context.counterparties(account.address);
  const recipient = await checkRecipient(draft.to, {
    from: account.address,
    addressBook: context.repositories.addressBook
      .usableOn(draft.chainId)
      .map(({ name, address }) => ({ name, address })),
    labels: context.repositories.labels.list().map(({ name, address }) => ({ name, address })),
    previousRecipients: [...context.sentTo(account.address), ...counterparties],
    knownAddresses: counterparties,
    tokenAddress: asset.token,
    isContract: async (address) => (await client.send(rpc.getCode(address, 'latest'), signal)) !== '0x',
  }).catch((error: unknown) => {
    if (error instanceof RecipientError) throw new ApiError('invalid_request', error.message);
    throw error;
  });
  const call = asset.token
    ? {
        to: asset.token,
        value: 0n,
        data: ERC20.encodeFunctionData('transfer', [recipient.address, amount]),
      }
    : { to: recipient.address, value: amount, data: '0x' };
  const estimate = await estimateFees(client, chain, { from: account.address, ...call }, signal).catch(
    (error: unknown) => {
      throw new ApiError('invalid_request', `The network would not run this transaction: ${reasonOf(error)}`);
    },
  );
  const option =
    draft.speed === 'custom' ? customOption(estimate, draft.custom) : estimate.options[draft.speed];
  const fees = {
    slow: feeOption(estimate, estimate.options.slow),
    normal: feeOption(estimate, estimate.options.normal),
    fast: feeOption(estimate, estimate.options.fast),
    custom: draft.speed === 'custom' ? feeOption(estimate, option) : null,
  };
  const chosen = feeOption(estimate, option);
  const review: SendReview = {
    chainId: draft.chainId,
    from: { accountId: account.id, address: account.address, label: account.label },
    to: {
      address: recipient.address,
      resolvedFrom: recipient.resolvedFrom,
      label: names.label(recipient.address),
    },
    asset: { token: asset.token, symbol: asset.symbol, decimals: asset.decimals },
    amount: amount.toString(),
    nonce: await context.nextNonce(account.address, draft.chainId),
    gasLimit: estimate.gasLimit.toString(),
    fees,
    speed: draft.speed,
    nativeSymbol: chain.nativeCurrency.symbol,
    totalMax: (BigInt(chosen.max) + call.value).toString(),
    signer: signerOf(context, account, [
      { label: 'Amount', value: `${formatUnits(amount, asset.decimals)} ${asset.symbol}` },
      { label: 'To', value: recipient.address },
      {
        label: 'Max fees',
        value: `${formatUnits(chosen.max, chain.nativeCurrency.decimals)} ${chain.nativeCurrency.symbol}`,
      },
      { label: 'Network', value: chain.name },
    ]),
    cannotSign: account.signer === 'watch' ? cannotSign().message : null,
    warnings: recipient.warnings,
  };
  return { review, account, estimate, call, option };
}

function signerOf(
  context: SendContext,
  account: Account,
  screen: { label: string; value: string }[],
): SendReview['signer'] {
  if (account.signer === 'watch' || !account.deviceFingerprint) return null;
  const device = context.repositories.devices.get(account.deviceFingerprint);
  return {
    kind: account.signer,
    label: device?.name ?? account.signer,
    fingerprint: account.deviceFingerprint,
    screen,
  };
}

function tokenAsset(context: SendContext, chainId: number, token: ChecksumAddress) {
  const info = context.tokens(chainId, token);
  if (!info)
    throw new ApiError('invalid_request', 'That token is not in your tokens on this network; add it first.');
  return { token, symbol: info.symbol, decimals: info.decimals };
}
