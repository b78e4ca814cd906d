import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DappRequestDetail } from '../../shared/dapps';
import type { Logger } from '../log';
import { invalidParams, limitExceeded } from './providerError';
import type { RequestQueueRepository } from './requestQueueRepository';

/** A request waiting for the user, validated, as the queue keeps it across reloads and restarts. */
export interface QueuedRequest {
  id: string;
  origin: string;
  method: string;
  params: unknown;
  receivedAt: number;
  detail: DappRequestDetail;
}

export interface QueueLimits {
  /** Requests one site may have waiting for the user. */
  perSite: number;
  /** Requests all sites together may have waiting. */
  total: number;
}

export const QUEUE_LIMITS: QueueLimits = { perSite: 10, total: 100 };
/** The column's bound in dappsMigration. */
const MAX_BODY_CHARS = 262_144;

const Body = z.object({ params: z.unknown(), detail: DappRequestDetail });

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
    for (const { body: json, ...row } of repository.list()) {
      const body = parseBody(json);
      if (body) {
        this.requests.push({ ...row, ...body });
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

  /** The same request from the same site, as a reloaded page sends it again. */
  matching(origin: string, method: string, params: unknown): QueuedRequest | undefined {
    const json = JSON.stringify(params ?? null);
    return this.requests.find(
      (request) =>
        request.origin === origin &&
        request.method === method &&
        JSON.stringify(request.params ?? null) === json,
    );
  }

  pending(origin: string): number {
    return this.requests.filter((request) => request.origin === origin).length;
  }

  add(origin: string, method: string, params: unknown, detail: DappRequestDetail): QueuedRequest {
    const limits = this.options.limits ?? QUEUE_LIMITS;
    if (this.pending(origin) >= limits.perSite) {
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
      method,
      params: params ?? null,
      receivedAt: this.options.now(),
      detail,
    };
    this.repository.add({ ...request, body });
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

  /** Everything the site had waiting. */
  removeOrigin(origin: string): QueuedRequest[] {
    const removed = this.requests.filter((request) => request.origin === origin);
    if (removed.length === 0) return [];
    this.repository.removeOrigin(origin);
    this.requests.splice(0, this.requests.length, ...this.requests.filter((r) => r.origin !== origin));
    return removed;
  }
}

function parseBody(json: string): Pick<QueuedRequest, 'params' | 'detail'> | undefined {
  try {
    const parsed = Body.safeParse(JSON.parse(json));
    return parsed.success ? { params: parsed.data.params, detail: parsed.data.detail } : undefined;
  } catch {
    return undefined;
  }
}
