import { type LinkState, type DesktopLink } from './linkState';
import { PROVIDER_EVENTS, readRequest, type RelayReply, type RelayRequest } from './relayMessages';
import { ErrorCode, toRpcError, type RpcError } from './rpcErrors';
import { senderOrigin, type PortSender } from './senderOrigin';

/** The part of a `chrome.runtime.Port` the hub uses. */
export interface ProviderPort {
  readonly sender?: PortSender;
  postMessage(message: RelayReply): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** Requests one frame may have at the desktop at once; a page that bypasses its provider meets it here. */
export const MAX_IN_FLIGHT_PER_FRAME = 100;
export const MAX_PARAMS_BYTES = 256 * 1024;

const NOT_A_SITE =
  'Ledgerline serves https sites and sites on this computer only; this frame has no such origin.';
const UNPAIRED =
  'This browser is not paired with Ledgerline. Open the Ledgerline extension and pair it with the desktop app.';
const OFFLINE = 'Ledgerline is not reachable. Open Ledgerline on this computer and try again.';

class RejectedRequest extends Error {
  constructor(readonly rpc: RpcError) {
    super(rpc.message);
  }
}

/**
 * The service worker's switchboard: one port per frame, grouped by the origin the browser gives it.
 * Requests go to the desktop under that origin; each reply goes back to the port that asked, and each
 * provider event to the ports of its origin only, so a cross-origin iframe hears nothing of its parent.
 */
export class ProviderHub {
  readonly #ports = new Map<string, Set<ProviderPort>>();

  constructor(
    private readonly link: Pick<DesktopLink, 'request' | 'onEvent'>,
    private readonly state: Pick<LinkState, 'usable'>,
  ) {
    link.onEvent((origin, name, data) => this.#event(origin, name, data));
  }

  attach(port: ProviderPort): void {
    const origin = senderOrigin(port.sender);
    let open = true;
    let inFlight = 0;
    if (origin) this.#frames(origin).add(port);
    port.onDisconnect.addListener(() => {
      open = false;
      if (origin) this.#ports.get(origin)?.delete(port);
      if (origin && this.#ports.get(origin)?.size === 0) this.#ports.delete(origin);
    });
    port.onMessage.addListener(async (message) => {
      const request = readRequest(message);
      if (!request) return;
      let reply: RelayReply;
      if (inFlight >= MAX_IN_FLIGHT_PER_FRAME) {
        reply = failure(
          request,
          ErrorCode.limitExceeded,
          'Too many requests are waiting; try again shortly.',
        );
      } else {
        inFlight++;
        reply = await this.#answer(origin, request);
        inFlight--;
      }
      if (open) post(port, reply);
    });
  }

  async #answer(origin: string | null, request: RelayRequest): Promise<RelayReply> {
    const { id, method, params } = request;
    if (!origin) return failure(request, ErrorCode.unauthorized, NOT_A_SITE);
    if (params !== undefined && new TextEncoder().encode(JSON.stringify(params)).length > MAX_PARAMS_BYTES) {
      return failure(
        request,
        ErrorCode.invalidRequest,
        `The request is larger than ${MAX_PARAMS_BYTES} bytes.`,
      );
    }
    try {
      const status = await this.state.usable();
      if (status === 'unpaired')
        throw new RejectedRequest({ code: ErrorCode.disconnected, message: UNPAIRED });
      if (status !== 'online') throw new RejectedRequest({ code: ErrorCode.disconnected, message: OFFLINE });
      return { type: 'response', id, result: await this.link.request(origin, method, params) };
    } catch (error) {
      return {
        type: 'response',
        id,
        error: error instanceof RejectedRequest ? error.rpc : toRpcError(error),
      };
    }
  }

  #event(origin: string, name: string, data: unknown) {
    const known = PROVIDER_EVENTS.find((event) => event === name);
    if (!known) return;
    for (const port of this.#ports.get(origin) ?? []) post(port, { type: 'event', name: known, data });
  }

  #frames(origin: string): Set<ProviderPort> {
    let frames = this.#ports.get(origin);
    if (!frames) this.#ports.set(origin, (frames = new Set()));
    return frames;
  }
}

function failure({ id }: RelayRequest, code: number, message: string): RelayReply {
  return { type: 'response', id, error: { code, message } };
}

function post(port: ProviderPort, reply: RelayReply) {
  try {
    port.postMessage(reply);
  } catch {
    // The frame went away while its request was out; there is nobody left to answer.
  }
}
