import { z } from 'zod';
import {
  MAX_REJECTION_REASON,
  type PhoneMessage,
  RequestId,
  SignRequestMessage,
} from '../../shared/pairing/messages';

export { SignRequestMessage };

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

/** Validates a request against its schema; a failure names the first bad field, in words the phone shows. */
export function parseRequest<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')}: ${issue.message})` : '';
  throw new RequestError(
    'invalid_request',
    `The desktop sent ${what} this phone cannot read${where}. Nothing was signed.`,
  );
}

export function parseSignRequest(input: unknown): SignRequestMessage {
  return parseRequest(SignRequestMessage, input, 'a signing request');
}

export function requestTransaction(request: SignRequestMessage): PhoneTransaction {
  return { ...request.tx, chainId: request.chainId };
}

const NOTHING_SIGNED = ' Nothing was signed.';

/** A refusal's reason cut to what `rejected` carries, always ending with what matters: nothing was signed. */
export function refusalReason(reason: string): string {
  const room = MAX_REJECTION_REASON - NOTHING_SIGNED.length;
  return `${reason.length > room ? `${reason.slice(0, room - 1)}…` : reason}${NOTHING_SIGNED}`;
}

const SignEnvelope = z.object({ t: z.enum(['sign', 'safeSign']), id: RequestId });

/**
 * The answer to a `sign` or `safeSign` message that failed validation (an oversize review, a malformed transaction): it
 * still names its request, so the desktop hears why instead of waiting out the deadline. Null for anything
 * else, which the phone drops.
 */
export function unreadableRequestAnswer(bytes: Uint8Array, failure: unknown): PhoneMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  const envelope = SignEnvelope.safeParse(json);
  if (!envelope.success) return null;
  const why = failure instanceof Error ? failure.message : 'The desktop sent an invalid message.';
  return {
    t: 'rejected',
    id: envelope.data.id,
    reason: refusalReason(`The phone cannot read this request: ${why}`),
  };
}
