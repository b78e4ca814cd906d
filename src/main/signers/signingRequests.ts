import { ApiError } from '../../shared/api/envelope';
import type { SigningRequestView } from '../../shared/devices';
import type { EventHub } from '../api/events';
import type { Account } from '../store/accountsRepository';
import { DeviceError } from '../../shared/deviceError';
import { explainError } from '../api/apiFailure';

/** What the caller knows of a request before it starts; the id is the caller's, as a phone has its own form. */
export interface NewSigningRequest {
  id: string;
  action: SigningRequestView['action'];
  account: Pick<Account, 'id' | 'address' | 'label'>;
  signer: SigningRequestView['signer'];
  check: SigningRequestView['check'];
  blind: boolean;
  /** Left out for requests that have no review (verifying an address, a plain message). */
  review?: SigningRequestView['review'];
}

/** A step the signer reports while the request runs (its turn on the device, the phone going offline). */
export type RequestProgress = (patch: Pick<Partial<SigningRequestView>, 'status' | 'expiresAt'>) => void;

/**
 * The one way a signing request reaches the overlay: `signing.request` with its whole state, published as
 * queued before anything is asked of the signer, at every step it reports, and as done or failed at the end.
 */
export class SigningRequests {
  constructor(
    private readonly events: EventHub,
    private readonly now: () => number,
  ) {}

  async track<T>(start: NewSigningRequest, work: (progress: RequestProgress) => Promise<T>): Promise<T> {
    const { account } = start;
    const request: SigningRequestView = {
      id: start.id,
      action: start.action,
      account: { id: account.id, address: account.address, label: account.label },
      signer: start.signer,
      check: start.check,
      blind: start.blind,
      review: start.review ?? null,
      status: 'queued',
      error: null,
      startedAt: this.now(),
      expiresAt: null,
    };
    const publish = (patch: Partial<SigningRequestView>) => {
      Object.assign(request, patch);
      this.events.emit('signing.request', request);
    };
    publish({});
    try {
      const result = await work(publish);
      publish({ status: 'done' });
      return result;
    } catch (error) {
      // The user withdrew it from the overlay: there is nothing to report back to them.
      if (error instanceof ApiError && error.code === 'cancelled') publish({ status: 'done' });
      else publish({ status: 'failed', error: failureOf(error) });
      throw error;
    }
  }
}

/** What the overlay shows of a failed request: the device state it left, in the device's own words. */
function failureOf(error: unknown): NonNullable<SigningRequestView['error']> {
  if (error instanceof DeviceError)
    return { state: error.state, message: error.message, remedy: error.remedy };
  // The same sentence the call's envelope carries: never a library's raw text.
  return { state: 'error', message: explainError(error).failure.message, remedy: null };
}
