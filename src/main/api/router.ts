import { z } from 'zod';
import { calls, isChannel, type Channel, type ResponseOf } from '../../shared/api/contract';
import type { ApiFailure, Envelope } from '../../shared/api/envelope';
import { explainError, failure } from './apiFailure';

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

function fail(error: ApiFailure): { ok: false; error: ApiFailure } {
  return { ok: false, error };
}

/**
 * A schema's own message for its one issue, when its author wrote it for the user ("… is 34 letters."): only
 * a refinement's (`custom`) or a pattern's. zod's built-in messages quote what the page sent (its unknown
 * keys, its values), and a page's words are never shown as the wallet's.
 */
function schemaSentence(error: z.ZodError): string | null {
  const [issue] = error.issues;
  if (error.issues.length !== 1 || !issue) return null;
  const authored = issue.code === 'custom' || (issue.code === 'invalid_format' && issue.format === 'regex');
  return authored ? issue.message : null;
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
      // zod's own words name fields and types: detail for whoever debugs the page, not the message.
      return fail(
        failure('invalid_request', schemaSentence(request.error), [
          `${channel}: ${z.prettifyError(request.error)}`,
        ]),
      );
    }
    const handler = handlers[channel] as (req: unknown, ctx: CallContext) => unknown;
    let result: unknown;
    try {
      result = await handler(request.data, { sender });
    } catch (error) {
      const explained = explainError(error);
      const { code, detail } = explained.failure;
      if (!explained.expected) log.error('handler failed', { channel, error: detail ?? null });
      else if (detail) log.warn('handler refused', { channel, code, detail });
      return fail(explained.failure);
    }
    const response = spec.response.safeParse(result);
    if (!response.success) {
      // A service broke its own contract: never hand the renderer data of the wrong shape.
      log.error('handler returned an invalid response', { channel, issues: response.error.issues.length });
      return fail(failure('invalid_response', null, [`${channel} answered outside its contract.`]));
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
        return fail(failure('forbidden_sender', null));
      }
      if (!isChannel(channel)) {
        return fail(
          failure('unknown_channel', null, [`There is no call named ${describeChannel(channel)}.`]),
        );
      }
      return dispatch(channel, payload, sender);
    },
  };
}
