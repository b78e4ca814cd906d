import type { ProviderEventName, RelayReply, RelayRequest } from './relayMessages';
import { MAX_METHOD_LENGTH } from './relayMessages';
import { ErrorCode, type RpcError } from './rpcErrors';

/** The page's side of the relay: what the provider writes, and where the replies come back. */
export interface WalletChannel {
  send(request: RelayRequest): void;
  listen(onReply: (reply: RelayReply) => void): void;
}

/** Requests one page may have waiting at once; the desktop bounds its own queue too. */
export const MAX_IN_FLIGHT = 100;
/** The serialized size of one request, as the desktop bounds it. */
export const MAX_REQUEST_BYTES = 256 * 1024;

/** The error a provider rejects with (EIP-1193 `ProviderRpcError`). */
export class ProviderRpcError extends Error {
  readonly code: number;
  readonly data?: unknown;

  constructor({ code, message, data }: RpcError) {
    super(message);
    this.name = 'ProviderRpcError';
    this.code = code;
    if (data !== undefined) this.data = data;
  }
}

type Listener = (...args: unknown[]) => void;
type EventName = ProviderEventName | 'message';

interface Pending {
  method: string;
  resolve: (result: unknown) => void;
  reject: (error: ProviderRpcError) => void;
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/**
 * The EIP-1193 provider the page sees. Its state sits in private fields, so a page script can call it but
 * cannot reach into it; the origin it speaks for is never its own to say (the extension takes it from the
 * browser).
 */
export class LedgerlineProvider {
  readonly isLedgerline = true;
  readonly #channel: WalletChannel;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<EventName, Set<Listener>>();
  #nextId = 0;
  #chainId: string | null = null;

  constructor(channel: WalletChannel) {
    this.#channel = channel;
    channel.listen((reply) => this.#receive(reply));
    // Some dApp libraries keep `provider.request` and call it on its own; bound, it still finds its state.
    for (const name of ['request', 'on', 'removeListener'] as const) {
      Object.defineProperty(this, name, { value: this[name].bind(this), writable: true, configurable: true });
    }
  }

  request(args: { method: string; params?: unknown }): Promise<unknown> {
    const request = this.#check(args);
    if ('code' in request) return Promise.reject(new ProviderRpcError(request));
    const { method, params } = request;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { method, resolve, reject });
      this.#channel.send(
        params === undefined ? { type: 'request', id, method } : { type: 'request', id, method, params },
      );
    });
  }

  on(event: EventName, listener: Listener): this {
    let listeners = this.#listeners.get(event);
    if (!listeners) this.#listeners.set(event, (listeners = new Set()));
    listeners.add(listener);
    return this;
  }

  removeListener(event: EventName, listener: Listener): this {
    this.#listeners.get(event)?.delete(listener);
    return this;
  }

  #check(args: unknown): { method: string; params?: unknown } | RpcError {
    if (typeof args !== 'object' || args === null) {
      return { code: ErrorCode.invalidRequest, message: 'request() takes an object: { method, params }.' };
    }
    const { method, params } = args as Record<string, unknown>;
    if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
      return { code: ErrorCode.invalidRequest, message: 'The request has no valid method name.' };
    }
    if (params !== undefined && (typeof params !== 'object' || params === null)) {
      return { code: ErrorCode.invalidParams, message: 'params must be an array or an object.' };
    }
    let serialized: string;
    try {
      serialized = JSON.stringify({ method, params });
    } catch {
      return { code: ErrorCode.invalidParams, message: 'params must be plain JSON.' };
    }
    if (byteLength(serialized) > MAX_REQUEST_BYTES) {
      return {
        code: ErrorCode.invalidRequest,
        message: `The request is larger than ${MAX_REQUEST_BYTES} bytes.`,
      };
    }
    if (this.#pending.size >= MAX_IN_FLIGHT) {
      return { code: ErrorCode.limitExceeded, message: 'Too many requests are waiting; try again shortly.' };
    }
    // A structured clone of the serialized form: the page cannot change params after the check.
    return JSON.parse(serialized) as { method: string; params?: unknown };
  }

  #receive(reply: RelayReply) {
    if (reply.type === 'event') {
      this.#event(reply.name, reply.data);
      return;
    }
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if ('error' in reply) {
      pending.reject(new ProviderRpcError(reply.error));
      return;
    }
    if (pending.method === 'eth_chainId' && typeof reply.result === 'string') this.#chainKnown(reply.result);
    pending.resolve(reply.result);
  }

  #event(name: ProviderEventName, data: unknown) {
    switch (name) {
      case 'connect': {
        const chainId = (data as { chainId?: unknown } | null)?.chainId;
        if (typeof chainId === 'string') this.#chainKnown(chainId);
        return;
      }
      case 'disconnect':
        this.#chainId = null;
        this.#emit('disconnect', new ProviderRpcError(disconnectError(data)));
        return;
      case 'chainChanged':
        if (typeof data !== 'string') return;
        if (this.#chainId === null) this.#chainKnown(data);
        else this.#chainId = data;
        this.#emit('chainChanged', data);
        return;
      case 'accountsChanged':
        if (Array.isArray(data)) this.#emit('accountsChanged', data);
        return;
    }
  }

  /** EIP-1193: `connect` once the provider can serve the chain, that is once a chain id is known. */
  #chainKnown(chainId: string) {
    if (this.#chainId !== null) return;
    this.#chainId = chainId;
    this.#emit('connect', { chainId });
  }

  #emit(event: EventName, payload: unknown) {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One dApp listener that throws must not stop the others; the page still sees it in its console.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

function disconnectError(data: unknown): RpcError {
  const { code, message } = (data ?? {}) as { code?: unknown; message?: unknown };
  return {
    code: typeof code === 'number' ? code : ErrorCode.disconnected,
    message: typeof message === 'string' ? message : 'Ledgerline disconnected this site.',
  };
}
