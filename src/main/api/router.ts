import { z } from 'zod';
import { calls, isChannel, type Channel, type ResponseOf } from '../../shared/api/contract';
import { ApiError, type ApiFailure, type Envelope, type ErrorCode } from '../../shared/api/envelope';

/** Who sent a request, as the transport saw it. Neither Electron nor the bridge lets the page claim this. */
export interface Sender {
  /** Origin of the frame (Electron) or the WebSocket's Origin header (bridge); null when absent. */
  origin: string | null;
  /** Sub-frames are never trusted, even from our own origin. */
  isMainFrame: boolean;
}

export interface CallContext {
  sender: Sender;
}

/** Handlers receive the request after validation, so they see zod's output type. */
type ParsedRequest<C extends Channel> = z.output<(typeof calls)[C]['request']>;

export type Handlers = {
  [C in Channel]: (request: ParsedRequest<C>, context: CallContext) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

/** The handlers of one call family: what a service folder exports for the composition root to merge. */
export type FamilyHandlers<Family> = Pick<Handlers, keyof Family & Channel>;

export interface RouterLog {
  warn(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

export interface RouterOptions {
  handlers: Handlers;
  trustedOrigins: readonly string[];
  log: RouterLog;
}

export interface Router {
  invoke(channel: unknown, payload: unknown, sender: Sender): Promise<Envelope<unknown>>;
}

/** Long enough to say what is wrong, short enough that a hostile payload cannot flood the log or the UI. */
const MAX_MESSAGE = 600;

function fail(code: ErrorCode, message: string): { ok: false; error: ApiFailure } {
  const trimmed = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
  return { ok: false, error: { code, message: trimmed } };
}

function describeChannel(channel: unknown): string {
  return typeof channel === 'string' ? JSON.stringify(channel.slice(0, 80)) : typeof channel;
}

export function createRouter({ handlers, trustedOrigins, log }: RouterOptions): Router {
  const trusted = new Set(trustedOrigins);

  async function dispatch<C extends Channel>(channel: C, payload: unknown, sender: Sender) {
    const spec = calls[channel];
    const request = spec.request.safeParse(payload);
    if (!request.success) {
      return fail('invalid_request', `${channel}: ${z.prettifyError(request.error)}`);
    }
    const handler = handlers[channel] as (req: unknown, ctx: CallContext) => unknown;
    let result: unknown;
    try {
      result = await handler(request.data, { sender });
    } catch (error) {
      if (error instanceof ApiError) return fail(error.code, error.message);
      log.error('handler failed', { channel, error: error instanceof Error ? error.message : String(error) });
      return fail('internal', `${channel} failed inside the app; the details are in the log.`);
    }
    const response = spec.response.safeParse(result);
    if (!response.success) {
      // A service broke its own contract: never hand the renderer data of the wrong shape.
      log.error('handler returned an invalid response', { channel, issues: response.error.issues.length });
      return fail('invalid_response', `${channel} produced a response that does not match its contract.`);
    }
    return { ok: true as const, data: response.data as ResponseOf<C> };
  }

  return {
    async invoke(channel, payload, sender) {
      if (!sender.isMainFrame || sender.origin === null || !trusted.has(sender.origin)) {
        log.warn('request from a foreign sender refused', {
          channel: describeChannel(channel),
          origin: sender.origin,
          isMainFrame: sender.isMainFrame,
        });
        return fail(
          'forbidden_sender',
          'This request did not come from the wallet’s own window and was refused.',
        );
      }
      if (!isChannel(channel)) {
        return fail('unknown_channel', `There is no call named ${describeChannel(channel)}.`);
      }
      return dispatch(channel, payload, sender);
    },
  };
}
