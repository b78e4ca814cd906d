import { SignRequestMessage } from '../../shared/pairing/messages';

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
