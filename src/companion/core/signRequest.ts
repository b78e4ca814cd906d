import { getAddress } from 'ethers';
import { z } from 'zod';

const MAX_UINT256 = (1n << 256n) - 1n;
/** Ethereum clients refuse transactions over 128 KiB, so longer call data can only be a mistake or an attack. */
const MAX_DATA_BYTES = 128 * 1024;

// Leading zeros are refused so that one amount has exactly one spelling.
const Uint256 = z
  .string()
  .regex(/^(0|[1-9]\d{0,77})$/, 'a whole number as decimal text')
  .refine((value) => BigInt(value) <= MAX_UINT256, 'a number that fits in 256 bits');

const ChecksumAddress = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'a 0x-prefixed 20-byte address')
  .refine((value) => getAddress(value.toLowerCase()) === value, 'an address with a valid EIP-55 checksum');

const CallData = z
  .string()
  .regex(/^0x([0-9a-fA-F]{2})*$/, '0x-prefixed hex bytes')
  .max(2 + 2 * MAX_DATA_BYTES, 'call data of at most 128 KiB');

const txCommon = {
  nonce: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  to: ChecksumAddress.nullable(),
  value: Uint256,
  data: CallData,
  gasLimit: Uint256,
};

const ChainId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Timestamp = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** The desktop's `sign` message (pairing spec v1): everything the phone shows comes from `tx` and `chainId`. */
export const SignRequestMessage = z
  .strictObject({
    t: z.literal('sign'),
    id: z.string().regex(/^[0-9a-f]{32}$/, '32 lowercase hex characters'),
    desktop: z.string().min(1).max(64),
    chainId: ChainId,
    desktopChainId: ChainId,
    createdAt: Timestamp,
    expiresAt: Timestamp,
    tx: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal(0), ...txCommon, gasPrice: Uint256 }),
      z
        .strictObject({
          type: z.literal(2),
          ...txCommon,
          maxFeePerGas: Uint256,
          maxPriorityFeePerGas: Uint256,
        })
        .refine((tx) => BigInt(tx.maxPriorityFeePerGas) <= BigInt(tx.maxFeePerGas), {
          message: 'the priority fee may not exceed the max fee',
          path: ['maxPriorityFeePerGas'],
        }),
    ]),
  })
  .refine((request) => request.expiresAt > request.createdAt, {
    message: 'the request must expire after it was created',
    path: ['expiresAt'],
  });
export type SignRequestMessage = z.infer<typeof SignRequestMessage>;

/** What the phone signs: the request's transaction bound to the request's chain. */
export type PhoneTransaction = SignRequestMessage['tx'] & { chainId: number };

export type RequestErrorCode = 'invalid_request' | 'request_expired' | 'request_conflict';

/** Why the phone will not show or sign a request, in words the user can read on the phone. */
export class RequestError extends Error {
  constructor(
    readonly code: RequestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export function parseSignRequest(input: unknown): SignRequestMessage {
  const parsed = SignRequestMessage.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')}: ${issue.message})` : '';
  throw new RequestError(
    'invalid_request',
    `The desktop sent a signing request this phone cannot read${where}. Nothing was signed.`,
  );
}

export function requestTransaction(request: SignRequestMessage): PhoneTransaction {
  return { ...request.tx, chainId: request.chainId };
}
