import { userMessage } from '../../../src/shared/api/userErrors';
import { z } from 'zod';
import type { Channel, RequestOf, ResponseOf } from '../../../src/shared/api/contract';
import { ApiCallError } from '../../../src/renderer/api/client';

/** What WalletClient.call takes for a channel: nothing where the contract's request may be undefined. */
export type CallArgs<C extends Channel> =
  undefined extends RequestOf<C> ? [request?: RequestOf<C>] : [request: RequestOf<C>];

/**
 * The double's answer to every channel, shaped like main's router table, so a channel added to the contract
 * does not compile until the double answers it too.
 */
export type DoubleHandlers = {
  [C in Channel]: (...args: CallArgs<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

/** One family's share of the table. */
export type FamilyHandlers<C extends Channel> = Pick<DoubleHandlers, C>;

/**
 * The request as main's router hands it to a service: validated, trimmed, with the schema's defaults filled
 * in; or refused in the router's words.
 */
export function routerParse<S extends z.ZodType>(channel: Channel, schema: S, request: unknown): z.output<S> {
  const result = schema.safeParse(request);
  if (!result.success) {
    // As the router answers: the general sentence, and zod's words only as the detail.
    const detail = `${channel}: ${z.prettifyError(result.error)}`;
    throw new ApiCallError(channel, {
      code: 'invalid_request',
      message: userMessage('invalid_request'),
      detail,
    });
  }
  return result.data;
}
