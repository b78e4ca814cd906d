import type { ExtensionMessage } from '../../../shared/bridge/bridgeMessages';
import type { Logger } from '../../log';
import type { DappGateway } from '../dappGateway';
import { internal, invalidRequest, limitExceeded, toRpcError } from '../providerError';
import type { OpenBrowser } from './browserLink';
import { FixedWindow } from './fixedWindow';

export interface DispatchLimits {
  /** Requests one socket may have unanswered at once. */
  inFlight: number;
  /** Requests one socket may send per second. */
  perSecond: number;
}

/**
 * One socket carries every site of a browser. Requests waiting for the user count as in flight, and the
 * service holds up to 100 of those in all, so the socket allows more than that and the service answers first.
 */
export const DEFAULT_DISPATCH_LIMITS: DispatchLimits = { inFlight: 128, perSecond: 200 };

type Request = Extract<ExtensionMessage, { t: 'request' }>;

/** Hands a paired browser's requests to the dApp service, within each socket's limits, and sends the answers. */
export class RequestDispatch {
  private readonly sockets = new Map<OpenBrowser, { unanswered: Set<string>; rate: FixedWindow }>();

  constructor(
    private readonly gateway: Pick<DappGateway, 'handle'>,
    private readonly limits: DispatchLimits,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {}

  request(browser: OpenBrowser, message: Request): void {
    const { id, origin, method, params } = message;
    let socket = this.sockets.get(browser);
    if (!socket) {
      socket = { unanswered: new Set(), rate: new FixedWindow(this.limits.perSecond, this.now) };
      this.sockets.set(browser, socket);
    }
    const ids = socket.unanswered;
    if (ids.has(id))
      return this.answer(
        browser,
        id,
        Promise.reject(invalidRequest('This request id is already waiting for an answer.')),
      );
    if (ids.size >= this.limits.inFlight || !socket.rate.take()) {
      return this.answer(
        browser,
        id,
        Promise.reject(limitExceeded('Too many requests from this browser; wait a moment.')),
      );
    }
    ids.add(id);
    const answered = this.gateway.handle({ origin, method, params, browserId: browser.browserId });
    this.answer(
      browser,
      id,
      answered.finally(() => ids.delete(id)),
    );
  }

  /** The socket closed: answers still on their way go nowhere. */
  forget(browser: OpenBrowser): void {
    this.sockets.delete(browser);
  }

  private answer(browser: OpenBrowser, id: string, answered: Promise<unknown>): void {
    answered.then(
      (result) => this.send(browser, id, result ?? null),
      (error: unknown) => browser.send({ t: 'response', id, error: toRpcError(error) }),
    );
  }

  private send(browser: OpenBrowser, id: string, result: unknown): void {
    try {
      browser.send({ t: 'response', id, result });
    } catch (error) {
      this.log.warn('a dApp answer could not be sent', {
        reason: error instanceof Error ? error.message : String(error),
      });
      browser.send({
        t: 'response',
        id,
        error: toRpcError(internal('The answer is too large for the bridge.')),
      });
    }
  }
}
