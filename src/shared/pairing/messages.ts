import { getAddress } from 'ethers';
import { z } from 'zod';
import { DeviceId, SyncOp } from '../sync/syncOps';
import { PairingError } from './pairingError';
import { PhoneReview } from './phoneReview';
import { Decimal, Nonce, WireChainId } from './wireFields';

const Checksum = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/)
  .refine((value) => {
    try {
      return getAddress(value) === value;
    } catch {
      return false;
    }
  }, 'not an EIP-55 checksummed address');
const Hex = z.string().regex(/^0x([0-9a-fA-F]{2})*$/);
/** Ethereum clients refuse transactions over 128 KiB, so longer call data can only be a mistake or an attack. */
const CallData = Hex.max(2 + 2 * 128 * 1024, 'call data of at most 128 KiB');
const Bytes32 = z.string().regex(/^0x[0-9a-f]{64}$/);
/** 128 bits, lowercase hex: unguessable, so a request cannot be answered by one that never saw it. */
export const RequestId = z.string().regex(/^[0-9a-f]{32}$/);
const Name = z.string().trim().min(1).max(40);
/** The short authentication string as both screens show it: exactly six ASCII digits, leading zeros kept. */
export const SAS_PATTERN = /^[0-9]{6}$/;

const transactionCommon = {
  nonce: Nonce,
  to: Checksum.nullable(),
  value: Decimal,
  data: CallData,
  gasLimit: Decimal,
};

/** An unsigned transaction as the phone receives it; bigints travel as decimal strings. */
export const PhoneTransaction = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal(2),
      ...transactionCommon,
      maxFeePerGas: Decimal,
      maxPriorityFeePerGas: Decimal,
    })
    .refine((tx) => BigInt(tx.maxPriorityFeePerGas) <= BigInt(tx.maxFeePerGas), {
      message: 'the priority fee may not exceed the max fee',
      path: ['maxPriorityFeePerGas'],
    }),
  z.strictObject({ type: z.literal(0), ...transactionCommon, gasPrice: Decimal }),
]);
export type PhoneTransaction = z.infer<typeof PhoneTransaction>;

export const Signature = z.strictObject({
  r: Bytes32,
  s: Bytes32,
  yParity: z.union([z.literal(0), z.literal(1)]),
});

export const SignRequestMessage = z
  .strictObject({
    t: z.literal('sign'),
    id: RequestId,
    /** The desktop's name as the user gave it, so the phone says who asks. */
    desktop: Name,
    chainId: WireChainId,
    /** The network the desktop is on now; the phone warns when the request is for another one. */
    desktopChainId: WireChainId,
    createdAt: z.number().int().nonnegative(),
    expiresAt: z.number().int().nonnegative(),
    tx: PhoneTransaction,
    /** The desktop's review of `tx` (docs/PROTOCOL.md section 12.1); absent when the desktop computed none. */
    review: PhoneReview.optional(),
  })
  .refine((request) => request.expiresAt > request.createdAt, {
    message: 'the request must expire after it was created',
    path: ['expiresAt'],
  });
export type SignRequestMessage = z.infer<typeof SignRequestMessage>;

/** The SafeTx struct a Safe ≥ 1.3 hashes (EIP-712), amounts as decimal strings. */
export const SafeTxMessageFields = z.strictObject({
  to: Checksum,
  value: Decimal,
  data: CallData,
  /** 0 call, 1 delegatecall. */
  operation: z.union([z.literal(0), z.literal(1)]),
  safeTxGas: Decimal,
  baseGas: Decimal,
  gasPrice: Decimal,
  gasToken: Checksum,
  refundReceiver: Checksum,
  nonce: Decimal,
});

/** How many owners a request may list; a Safe with more is not co-signed from a phone. */
export const MAX_SAFE_REQUEST_OWNERS = 50;

/**
 * A request to co-sign a Safe transaction as one of its owners (docs/PROTOCOL.md section 13). The phone
 * recomputes `safeTxHash` from `safe`, `chainId` and `safeTx` and refuses a mismatch; it answers with the
 * same `signed` (an ECDSA signature of `safeTxHash`) or `rejected` as a `sign` request.
 */
export const SafeSignRequestMessage = z
  .strictObject({
    t: z.literal('safeSign'),
    id: RequestId,
    desktop: Name,
    chainId: WireChainId,
    desktopChainId: WireChainId,
    createdAt: z.number().int().nonnegative(),
    expiresAt: z.number().int().nonnegative(),
    safe: Checksum,
    /** The Safe's singleton VERSION(), as the desktop read it. */
    version: z.string().regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}$/),
    owners: z.array(Checksum).min(1).max(MAX_SAFE_REQUEST_OWNERS),
    threshold: z.number().int().min(1).max(MAX_SAFE_REQUEST_OWNERS),
    safeTx: SafeTxMessageFields,
    safeTxHash: Bytes32,
    /** Who signed already, and on what: the phone shows how many are still needed. */
    confirmations: z
      .array(z.strictObject({ owner: Checksum, device: z.string().trim().min(1).max(60) }))
      .max(MAX_SAFE_REQUEST_OWNERS),
    /** The desktop's warnings (owner changes, delegatecall, unvetted modules), shown as they are. */
    warnings: z.array(z.string().max(300)).max(20),
  })
  .refine((request) => request.expiresAt > request.createdAt, {
    message: 'the request must expire after it was created',
    path: ['expiresAt'],
  })
  .refine((request) => request.threshold <= request.owners.length, {
    message: 'the threshold may not exceed the number of owners',
    path: ['threshold'],
  });
export type SafeSignRequestMessage = z.infer<typeof SafeSignRequestMessage>;

/** Sealed sync blobs (see docs/SYNC.md), base64url: opaque here, as they are to the relay. */
const SyncBlobs = z
  .array(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .max(700_000),
  )
  .max(64);
const PublicKeyHex = z.string().regex(/^[0-9a-f]{64}$/);

/** How long the reason of a `rejected` may be, in UTF-16 code units. */
export const MAX_REJECTION_REASON = 200;

/** What the phone sends. `hello` opens a pairing, `resume` every later connection. */
export const PhoneMessage = z.discriminatedUnion('t', [
  z.strictObject({
    t: z.literal('hello'),
    v: z.literal(1),
    phone: z.strictObject({ name: Name, address: Checksum }),
  }),
  z.strictObject({ t: z.literal('resume'), v: z.literal(1) }),
  z.strictObject({ t: z.literal('confirm'), sas: z.string().regex(SAS_PATTERN) }),
  z.strictObject({ t: z.literal('signed'), id: RequestId, signature: Signature }),
  z.strictObject({ t: z.literal('rejected'), id: RequestId, reason: z.string().max(MAX_REJECTION_REASON) }),
  z.strictObject({ t: z.literal('revoke') }),
  /** The codes differ on the phone: the pairing ends on both sides. */
  z.strictObject({ t: z.literal('abort'), reason: z.string().max(300) }),
  /** Sent while the companion is open, so the desktop can say whether the phone is reachable. */
  z.strictObject({ t: z.literal('ping') }),
  /** The phone's sync identity, answering the desktop's `syncGroup` once. */
  z.strictObject({ t: z.literal('syncMember'), id: DeviceId, sign: PublicKeyHex, box: PublicKeyHex }),
  /** After each connection: the highest contiguous blob counter the phone holds per origin. */
  z.strictObject({
    t: z.literal('syncHello'),
    has: z.record(DeviceId, z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)),
  }),
  z.strictObject({ t: z.literal('syncBlobs'), blobs: SyncBlobs }),
]);
export type PhoneMessage = z.infer<typeof PhoneMessage>;

/** What the desktop sends. */
export const DesktopMessage = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('paired'), desktop: z.strictObject({ name: Name }) }),
  z.strictObject({ t: z.literal('abort'), reason: z.string().max(300) }),
  SignRequestMessage,
  SafeSignRequestMessage,
  z.strictObject({ t: z.literal('cancel'), id: RequestId }),
  z.strictObject({ t: z.literal('revoke') }),
  /**
   * The sync group's key ring and roster: after pairing, and again after each `syncHello`, so a phone that
   * was offline when the key rotated gets the new one through its authenticated channel.
   */
  z.strictObject({
    t: z.literal('syncGroup'),
    ring: z.string().max(20_000),
    roster: z.array(SyncOp).max(2_000),
  }),
  z.strictObject({ t: z.literal('syncBlobs'), blobs: SyncBlobs }),
]);
export type DesktopMessage = z.infer<typeof DesktopMessage>;

export function encodeMessage(message: PhoneMessage | DesktopMessage): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(message));
}

function decodeWith<T>(schema: z.ZodType<T>, bytes: Uint8Array, from: string): T {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new PairingError('invalid_message', `The ${from} sent something that is not a message.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'message';
    throw new PairingError(
      'invalid_message',
      `The ${from} sent an invalid message (${where}: ${issue?.message ?? 'invalid'}).`,
    );
  }
  return parsed.data;
}

export const decodePhoneMessage = (bytes: Uint8Array): PhoneMessage =>
  decodeWith(PhoneMessage, bytes, 'phone');
export const decodeDesktopMessage = (bytes: Uint8Array): DesktopMessage =>
  decodeWith(DesktopMessage, bytes, 'desktop');
