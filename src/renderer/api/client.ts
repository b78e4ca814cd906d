import type { Channel, EventName, EventPayload, RequestOf, ResponseOf } from '../../shared/api/contract';
import type { ApiFailure } from '../../shared/api/envelope';
import type { Transport } from './transport';

/**
 * A failed call, carrying main's stable error code so screens can react to the kind of failure. Its message
 * is main's sentence for the user; `detail` is the raw text behind it, for a "Details" disclosure only.
 */
export class ApiCallError extends Error {
  readonly code: ApiFailure['code'];
  readonly detail: string | undefined;
  constructor(
    readonly channel: Channel,
    failure: ApiFailure,
  ) {
    super(failure.message);
    this.name = 'ApiCallError';
    this.code = failure.code;
    this.detail = failure.detail;
  }
}

/** The raw text behind a failure, when main sent one; what the page itself threw has none. */
export function failureDetail(error: unknown): string | undefined {
  return error instanceof ApiCallError ? error.detail : undefined;
}

type CallArgs<C extends Channel> =
  undefined extends RequestOf<C> ? [request?: RequestOf<C>] : [request: RequestOf<C>];

export interface WalletClient {
  call<C extends Channel>(channel: C, ...args: CallArgs<C>): Promise<ResponseOf<C>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * The answer to a call the page made as it started, when it is in and no push has made it stale: what a
   * screen's first render can show at once. It is not taken: the screen's hook still calls, and that call gets
   * this same answer. Only a client that made such calls has it (session/firstCalls.ts).
   */
  ready?<C extends Channel>(channel: C): ResponseOf<C> | undefined;
  /** Settles once every call the page made as it started has answered, failed or been dropped. */
  firstAnswers?(): Promise<void>;
}

/** The renderer's one way to reach main. Screens never see envelopes or transports. */
export function createClient(transport: Transport): WalletClient {
  return {
    async call(channel, ...args) {
      const envelope = await transport.invoke(channel, args[0]);
      if (!envelope.ok) throw new ApiCallError(channel, envelope.error);
      return envelope.data as ResponseOf<typeof channel>;
    },
    on(name, listener) {
      return transport.subscribe(name, listener as (payload: unknown) => void);
    },
  };
}
