import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DappChannel, DappRequestDetail } from '../../shared/dapps';
import type { Logger } from '../log';
import { channelKey, EXTENSION } from './dappChannel';
import { invalidParams, limitExceeded } from './providerError';
import type { RequestQueueRepository } from './requestQueueRepository';

/** A request waiting for the user, validated, as the queue keeps it across reloads and restarts. */
export interface QueuedRequest {
  id: string;
  origin: string;
  via: DappChannel;
  method: string;
  params: unknown;
  receivedAt: number;
  detail: DappRequestDetail;
}

export interface QueueLimits {
  /** Requests one site (or one WalletConnect session) may have waiting for the user. */
  perSite: number;
  /** Requests all sites together may have waiting. */
  total: number;
}

export const QUEUE_LIMITS: QueueLimits = { perSite: 10, total: 100 };
/** The column's bound in dappsMigration. */
const MAX_BODY_CHARS = 262_144;

const Body = z.object({ params: z.unknown(), detail: DappRequestDetail });

const ofSession = (topic: string) => (request: QueuedRequest) =>
  request.via.kind === 'walletconnect' && request.via.topic === topic;
const ofExtensionSite = (origin: string) => (request: QueuedRequest) =>
  request.via.kind === 'extension' && request.origin === origin;

/**
 * The requests waiting for the user, oldest first, kept in the store so a reload of the page or a restart of
 * the desktop loses none. What is kept was validated on the way in, so a restart rebuilds the same request.
 */
export class RequestQueue {
  private readonly requests: QueuedRequest[] = [];

  constructor(
    private readonly repository: RequestQueueRepository,
    private readonly options: { now: () => number; log: Logger; limits?: QueueLimits },
  ) {
    for (const { body: json, via: viaJson, ...row } of repository.list()) {
      const body = parseBody(json);
      const via = viaJson === null ? EXTENSION : parseJson(DappChannel, viaJson);
      if (body && via) {
        this.requests.push({ ...row, via, ...body });
      } else {
        // Only this wallet writes the rows; one it cannot read is from a version that meant something else.
        options.log.warn('a queued dApp request could not be read and was dropped', { method: row.method });
        repository.remove(row.id);
      }
    }
  }

  /** Oldest first. */
  list(): QueuedRequest[] {
    return [...this.requests];
  }

  get(id: string): QueuedRequest | undefined {
    return this.requests.find((request) => request.id === id);
  }

  /** The same request from the same site or session, as a reloaded page sends it again. */
  matching(origin: string, method: string, params: unknown, via = EXTENSION): QueuedRequest | undefined {
    const json = JSON.stringify(params ?? null);
    const key = channelKey(origin, via);
    return this.requests.find(
      (request) =>
        channelKey(request.origin, request.via) === key &&
        request.method === method &&
        JSON.stringify(request.params ?? null) === json,
    );
  }

  /** Requests the extension's site of this origin has waiting. */
  pending(origin: string): number {
    return this.requests.filter(ofExtensionSite(origin)).length;
  }

  /** Requests a WalletConnect session has waiting. */
  pendingForSession(topic: string): number {
    return this.requests.filter(ofSession(topic)).length;
  }

  add(
    origin: string,
    method: string,
    params: unknown,
    detail: DappRequestDetail,
    via = EXTENSION,
  ): QueuedRequest {
    const limits = this.options.limits ?? QUEUE_LIMITS;
    const key = channelKey(origin, via);
    const waiting = this.requests.filter((request) => channelKey(request.origin, request.via) === key);
    if (waiting.length >= limits.perSite) {
      throw limitExceeded(
        `This site already has ${limits.perSite} requests waiting for the user; wait for an answer.`,
      );
    }
    if (this.requests.length >= limits.total) {
      throw limitExceeded('The wallet has too many requests waiting for the user; try again later.');
    }
    const body = JSON.stringify({ params: params ?? null, detail });
    if (body.length > MAX_BODY_CHARS) throw invalidParams('The request is too large.');
    const request: QueuedRequest = {
      id: randomBytes(16).toString('hex'),
      origin,
      via,
      method,
      params: params ?? null,
      receivedAt: this.options.now(),
      detail,
    };
    this.repository.add({ ...request, body, via: via.kind === 'extension' ? null : JSON.stringify(via) });
    this.requests.push(request);
    return request;
  }

  remove(id: string): QueuedRequest | undefined {
    const index = this.requests.findIndex((request) => request.id === id);
    if (index < 0) return undefined;
    const [request] = this.requests.splice(index, 1);
    this.repository.remove(id);
    return request;
  }

  /** Everything the extension's site of this origin had waiting. */
  removeOrigin(origin: string): QueuedRequest[] {
    const removed = this.requests.filter(ofExtensionSite(origin));
    if (removed.length === 0) return [];
    this.repository.removeExtensionOrigin(origin);
    this.keepOnly(removed);
    return removed;
  }

  /** Everything a WalletConnect session had waiting. */
  removeSession(topic: string): QueuedRequest[] {
    const removed = this.requests.filter(ofSession(topic));
    for (const request of removed) this.repository.remove(request.id);
    this.keepOnly(removed);
    return removed;
  }

  private keepOnly(removed: QueuedRequest[]): void {
    const gone = new Set(removed);
    this.requests.splice(0, this.requests.length, ...this.requests.filter((r) => !gone.has(r)));
  }
}

function parseBody(json: string): Pick<QueuedRequest, 'params' | 'detail'> | undefined {
  const body = parseJson(Body, json);
  return body && { params: body.params, detail: body.detail };
}

function parseJson<S extends z.ZodType>(schema: S, json: string): z.output<S> | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
