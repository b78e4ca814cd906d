import type { RpcError } from './rpcErrors';

/**
 * The messages of the relay, in two hops. The page's provider and the content script share the page's
 * `window` (postMessage); every message there carries a marker saying which side wrote it and the channel
 * tag the provider drew at page load. The content script and the service worker share a `chrome.runtime`
 * Port, private to the extension, where the tag and marker are dropped.
 */

export const FROM_PAGE = 'ledgerline-page';
export const FROM_EXTENSION = 'ledgerline-extension';

export const PROVIDER_EVENTS = ['connect', 'disconnect', 'accountsChanged', 'chainChanged'] as const;
export type ProviderEventName = (typeof PROVIDER_EVENTS)[number];

/** Content script → service worker, and (with the tag) page → content script. */
export interface RelayRequest {
  type: 'request';
  /** The page's own counter; the worker answers with it, the desktop never sees it. */
  id: number;
  method: string;
  params?: unknown;
}

/** Service worker → content script, and (with the tag) content script → page. */
export type RelayReply =
  | { type: 'response'; id: number; result: unknown }
  | { type: 'response'; id: number; error: RpcError }
  | { type: 'event'; name: ProviderEventName; data: unknown };

export type PageMessage = { source: typeof FROM_PAGE; tag: string } & ({ type: 'hello' } | RelayRequest);
export type ExtensionMessage = { source: typeof FROM_EXTENSION; tag: string } & RelayReply;

export const MAX_METHOD_LENGTH = 100;
const TAG = /^[0-9a-f]{32}$/;

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;

/** A fresh random tag, drawn once per page load. */
export function channelTag(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The request part of a message from a page or a content script, or null when it is not one. */
export function readRequest(data: unknown): RelayRequest | null {
  if (!isObject(data) || data.type !== 'request') return null;
  const { id, method, params } = data;
  if (!Number.isSafeInteger(id) || (id as number) < 0) return null;
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) return null;
  return params === undefined
    ? { type: 'request', id: id as number, method }
    : { type: 'request', id: id as number, method, params };
}

/** A message the page's provider wrote, or null for anything else on the page's `message` channel. */
export function readPageMessage(data: unknown): PageMessage | null {
  if (!isObject(data) || data.source !== FROM_PAGE) return null;
  const { tag } = data;
  if (typeof tag !== 'string' || !TAG.test(tag)) return null;
  if (data.type === 'hello') return { source: FROM_PAGE, tag, type: 'hello' };
  const request = readRequest(data);
  return request ? { source: FROM_PAGE, tag, ...request } : null;
}

/** A reply from the worker (`tag` null) or, with the page's tag, from the content script; else null. */
export function readReply(data: unknown, tag: string | null): RelayReply | null {
  if (!isObject(data)) return null;
  if (tag !== null && (data.source !== FROM_EXTENSION || data.tag !== tag)) return null;
  if (data.type === 'event') {
    const name = PROVIDER_EVENTS.find((known) => known === data.name);
    return name ? { type: 'event', name, data: data.data } : null;
  }
  if (data.type !== 'response' || !Number.isSafeInteger(data.id)) return null;
  const id = data.id as number;
  if (!('error' in data)) return { type: 'response', id, result: data.result };
  const error = data.error;
  if (!isObject(error) || !Number.isSafeInteger(error.code) || typeof error.message !== 'string') return null;
  const rpc: RpcError = { code: error.code as number, message: error.message };
  if (error.data !== undefined) rpc.data = error.data;
  return { type: 'response', id, error: rpc };
}
