/** An EIP-1193 / EIP-1474 error as it travels between the page, the extension and the desktop. */
export interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}

/** The codes the extension itself answers with; every other error comes from the desktop as it was sent. */
export const ErrorCode = {
  unauthorized: 4100,
  disconnected: 4900,
  limitExceeded: -32005,
  invalidRequest: -32600,
  invalidParams: -32602,
  internal: -32603,
} as const;

const MAX_MESSAGE = 500;

/** A desktop error kept as sent when it has the EIP-1193 shape, else one the page can still act on. */
export function toRpcError(error: unknown): RpcError {
  if (typeof error === 'object' && error !== null) {
    const { code, message, data } = error as Record<string, unknown>;
    if (Number.isSafeInteger(code) && typeof message === 'string') {
      const kept: RpcError = { code: code as number, message: message.slice(0, MAX_MESSAGE) };
      if (data !== undefined) kept.data = data;
      return kept;
    }
  }
  return { code: ErrorCode.internal, message: 'The Ledgerline extension could not handle the request.' };
}
