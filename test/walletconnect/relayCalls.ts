/** A JSON-RPC error the relay double answers with, carrying the request id when one could be read. */
export class RelayCallError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly id?: number | string,
  ) {
    super(message);
  }
}

export interface PublishParams {
  readonly topic: string;
  readonly message: string;
  readonly ttl: number;
  readonly tag?: number;
  readonly attestation?: string;
}

type Id = number | string;

/** Every relay method the double answers, with its params once checked. */
export type RelayCall =
  | { id: Id; method: 'irn_subscribe'; params: { topic: string } }
  | { id: Id; method: 'irn_batchSubscribe'; params: { topics: string[] } }
  | { id: Id; method: 'irn_unsubscribe'; params: { topic: string; id: string } }
  | { id: Id; method: 'irn_batchUnsubscribe'; params: { subscriptions: { topic: string; id: string }[] } }
  | { id: Id; method: 'irn_publish'; params: PublishParams }
  | { id: Id; method: 'irn_batchPublish'; params: { messages: PublishParams[] } }
  | { id: Id; method: 'irn_batchFetchMessages'; params: { topics: string[] } }
  | {
      id: Id;
      method: 'wc_proposeSession';
      params: { pairingTopic: string; sessionProposal: string; ttl: number; attestation?: string };
    }
  | {
      id: Id;
      method: 'wc_approveSession';
      params: {
        pairingTopic: string;
        sessionTopic: string;
        sessionProposalResponse: string;
        sessionSettlementRequest: string;
        ttl: number;
      };
    };

const TOPIC = /^[0-9a-f]{64}$/;
const MAX_BATCH = 500;
const MAX_MESSAGE_CHARS = 128 * 1024;
const MAX_ATTESTATION_CHARS = 8 * 1024;
const MAX_TTL_SECONDS = 30 * 24 * 60 * 60;
const DEFAULT_TTL_SECONDS = 300;

/**
 * Reads one frame as a relay call, or as a client's answer to a delivery (`response`). Anything else throws a
 * RelayCallError with the JSON-RPC code the client should see.
 */
export function parseRelayCall(text: string): RelayCall | { response: { id: number; result?: unknown } } {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    throw new RelayCallError(-32700, 'Parse error');
  }
  if (!isRecord(frame) || frame.jsonrpc !== '2.0') throw new RelayCallError(-32600, 'Invalid request');
  const id = frame.id;
  if (!(
    (typeof id === 'number' && Number.isSafeInteger(id)) ||
    (typeof id === 'string' && id.length <= 64)
  )) {
    throw new RelayCallError(-32600, 'Invalid request: id');
  }
  if (frame.method === undefined && typeof id === 'number' && ('result' in frame || 'error' in frame)) {
    return { response: { id, result: frame.result } };
  }
  if (typeof frame.method !== 'string') throw new RelayCallError(-32600, 'Invalid request: method', id);
  const params = frame.params;
  if (!isRecord(params)) throw new RelayCallError(-32602, 'Invalid params', id);
  const read = new ParamReader(params, id);
  switch (frame.method) {
    case 'irn_subscribe':
      return { id, method: frame.method, params: { topic: read.topic('topic') } };
    case 'irn_batchSubscribe':
    case 'irn_batchFetchMessages':
      return { id, method: frame.method, params: { topics: read.list('topics').map((t) => topicOf(t, id)) } };
    case 'irn_unsubscribe':
      return { id, method: frame.method, params: { topic: read.topic('topic'), id: read.text('id', 128) } };
    case 'irn_batchUnsubscribe':
      return {
        id,
        method: frame.method,
        params: {
          subscriptions: read.list('subscriptions').map((entry) => {
            const inner = new ParamReader(recordOf(entry, id), id);
            return { topic: inner.topic('topic'), id: inner.text('id', 128) };
          }),
        },
      };
    case 'irn_publish':
      return { id, method: frame.method, params: publishParams(read) };
    case 'irn_batchPublish':
      return {
        id,
        method: frame.method,
        params: {
          messages: read.list('messages').map((m) => publishParams(new ParamReader(recordOf(m, id), id))),
        },
      };
    case 'wc_proposeSession':
      return {
        id,
        method: frame.method,
        params: {
          pairingTopic: read.topic('pairingTopic'),
          sessionProposal: read.text('sessionProposal', MAX_MESSAGE_CHARS),
          ttl: read.ttl(),
          attestation: read.optionalText('attestation', MAX_ATTESTATION_CHARS),
        },
      };
    case 'wc_approveSession':
      return {
        id,
        method: frame.method,
        params: {
          pairingTopic: read.topic('pairingTopic'),
          sessionTopic: read.topic('sessionTopic'),
          sessionProposalResponse: read.text('sessionProposalResponse', MAX_MESSAGE_CHARS),
          sessionSettlementRequest: read.text('sessionSettlementRequest', MAX_MESSAGE_CHARS),
          ttl: read.ttl(),
        },
      };
    default:
      throw new RelayCallError(-32601, 'Method not found', id);
  }
}

function publishParams(read: ParamReader): PublishParams {
  return {
    topic: read.topic('topic'),
    message: read.text('message', MAX_MESSAGE_CHARS),
    ttl: read.ttl(),
    tag: read.tag(),
    attestation: read.optionalText('attestation', MAX_ATTESTATION_CHARS),
  };
}

class ParamReader {
  constructor(
    private readonly params: Record<string, unknown>,
    private readonly id: Id,
  ) {}

  topic(name: string): string {
    return topicOf(this.params[name], this.id, name);
  }

  text(name: string, max: number): string {
    const value = this.params[name];
    if (typeof value !== 'string' || value.length === 0 || value.length > max) this.fail(name);
    return value;
  }

  optionalText(name: string, max: number): string | undefined {
    return this.params[name] === undefined || this.params[name] === '' ? undefined : this.text(name, max);
  }

  list(name: string): unknown[] {
    const value = this.params[name];
    if (!Array.isArray(value) || value.length === 0 || value.length > MAX_BATCH) this.fail(name);
    return value;
  }

  ttl(): number {
    const value = this.params.ttl ?? DEFAULT_TTL_SECONDS;
    if (!Number.isSafeInteger(value) || (value as number) < 1 || (value as number) > MAX_TTL_SECONDS)
      this.fail('ttl');
    return value as number;
  }

  tag(): number {
    const value = this.params.tag ?? 0;
    if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > 0xffffffff)
      this.fail('tag');
    return value as number;
  }

  private fail(name: string): never {
    throw new RelayCallError(-32602, `Invalid params: ${name}`, this.id);
  }
}

function topicOf(value: unknown, id: Id, name = 'topic'): string {
  if (typeof value !== 'string' || !TOPIC.test(value))
    throw new RelayCallError(-32602, `Invalid params: ${name}`, id);
  return value;
}

function recordOf(value: unknown, id: Id): Record<string, unknown> {
  if (!isRecord(value)) throw new RelayCallError(-32602, 'Invalid params', id);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
