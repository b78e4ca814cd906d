import { getBytes, hexlify, isHexString, toUtf8Bytes } from 'ethers';
import { z } from 'zod';
import type { DappRequestDetail } from '../../shared/dapps';
import { messageText } from '../../shared/messageText';
import { invalidParams } from './providerError';
import { type AccountLookup, exposedAccount, HexAddress, parseParams, siteAccount } from './signingParams';
import type { ConnectedSite } from './sites';

/** A sign-in message is a few hundred bytes; this is what the review can show in full. */
export const MAX_MESSAGE_BYTES = 10_000;

const Params = z.tuple([
  z.string().max(2 * MAX_MESSAGE_BYTES + 2),
  z.string().max(2 * MAX_MESSAGE_BYTES + 2),
]);

const isAddress = (value: string) => HexAddress.safeParse(value).success;

/** The signed bytes: hex as sent, or (as some sites send) the text itself. */
function messageBytes(message: string): Uint8Array {
  const bytes = isHexString(message, true) ? getBytes(message) : toUtf8Bytes(message);
  if (bytes.length > MAX_MESSAGE_BYTES) {
    throw invalidParams(`personal_sign: the message is longer than ${MAX_MESSAGE_BYTES} bytes.`);
  }
  return bytes;
}

/**
 * `personal_sign` [message, address]. Some sites send [address, message]: that order is taken only when
 * it cannot be read the other way, that is when the second is not an address and the first is.
 */
export function parseMessage(
  params: unknown,
  site: ConnectedSite,
  accounts: AccountLookup,
): Extract<DappRequestDetail, { type: 'message' }> {
  const [first, second] = parseParams(Params, params, 'personal_sign');
  const swapped = !isAddress(second) && isAddress(first);
  const [message, address] = swapped ? [second, first] : [first, second];
  if (!isAddress(address)) throw invalidParams('personal_sign: the second param must be an address.');
  if (message.startsWith('0x') && !isHexString(message, true)) {
    throw invalidParams('personal_sign: the message starts with 0x but is not whole bytes of hex.');
  }
  const bytes = messageBytes(message);
  const account = exposedAccount(address, site, accounts);
  return { type: 'message', account: siteAccount(account), text: messageText(bytes), hex: hexlify(bytes) };
}

/** The bytes to sign, from the request the queue kept. */
export function messageToSign(detail: Extract<DappRequestDetail, { type: 'message' }>): Uint8Array {
  return getBytes(detail.hex);
}
