import type { AccountView } from '../../../src/shared/accounts';
import type { Channel } from '../../../src/shared/api/contract';
import type { DeviceView, SignatureResult, SigningRequestView } from '../../../src/shared/devices';
import { ApiCallError } from '../../../src/renderer/api/client';
import type { DoubleWorld } from './world';
import type { FamilyHandlers } from './handlers';
import { checkTypedData, typedDataReview } from './typedDataReview';

type SigningChannel =
  'signing.message' | 'signing.reviewTypedData' | 'signing.typedData' | 'signing.cancel' | 'signing.retry';

export interface DeviceSigning {
  handlers: FamilyHandlers<SigningChannel>;
  /**
   * Like main's signing queue: a request goes queued → awaiting_confirmation → done | failed, pushed each
   * time, and the device answers with the double's `deviceResponse`. With a review, `check` is the review's
   * device lines and is shown as it is, as main does; without one the account's address comes first.
   */
  askDevice(
    channel: Channel,
    accountId: number,
    action: SigningRequestView['action'],
    check: SigningRequestView['check'],
    shown?: Shown,
  ): Promise<{ account: AccountView; device: DeviceView }>;
  /** The device waits for the user until the returned function is called. */
  holdDevice(): () => void;
  /** A phone's request as main queues it: pushed, and kept for cancel and retry. */
  askPhone(request: SigningRequestView): void;
}

/** The review a request carries into the overlay, and whether its device shows only hashes. */
export interface Shown {
  review: SigningRequestView['review'];
  blind: boolean;
}

/** The device and phone signing queue, with the calls that sign a message or withdraw a phone request. */
export function deviceSigning(double: DoubleWorld): DeviceSigning {
  let gate: Promise<void> | null = null;
  let requestCount = 0;
  /** Phone signing requests main still holds, by id, for signing.cancel and signing.retry to find. */
  const phoneRequests = new Map<string, SigningRequestView>();

  function deviceOf(channel: Channel, accountId: number): { account: AccountView; device: DeviceView } {
    const account = double.accounts.find((a) => a.id === accountId);
    if (!account) throw new ApiCallError(channel, { code: 'not_found', message: 'No such account.' });
    const device = double.devices.find((d) => d.fingerprint === account.deviceFingerprint);
    if (account.signer === 'watch' || !device) {
      throw new ApiCallError(channel, {
        code: 'cannot_sign',
        message: 'This is a watch-only address: the wallet holds no key for it.',
      });
    }
    return { account, device };
  }

  async function askDevice(
    channel: Channel,
    accountId: number,
    action: SigningRequestView['action'],
    check: SigningRequestView['check'],
    shown: Shown = { review: null, blind: false },
  ) {
    const { account, device } = deviceOf(channel, accountId);
    const view: SigningRequestView = {
      id: `request-${++requestCount}`,
      action,
      account: { id: account.id, address: account.address, label: account.label },
      signer: {
        kind: device.kind,
        label: device.label,
        fingerprint: device.fingerprint ?? '',
        model: device.model,
      },
      check: shown.review ? check : [{ label: 'Address', value: account.address }, ...check],
      blind: shown.blind,
      review: shown.review,
      status: 'queued',
      expiresAt: null,
      error: null,
      startedAt: 1_700_000_400_000,
    };
    double.emit('signing.request', view);
    if (!device.connected || device.state !== 'ready') {
      const error = { state: device.state, message: device.message, remedy: device.remedy };
      double.emit('signing.request', { ...view, status: 'failed', error });
      throw new ApiCallError(channel, { code: 'device_unavailable', message: device.message });
    }
    double.emit('signing.request', { ...view, status: 'awaiting_confirmation' });
    await gate;
    if (double.deviceResponse === 'reject') {
      const error = {
        state: 'rejected' as const,
        message: 'You rejected the request on the device.',
        remedy: null,
      };
      double.emit('signing.request', { ...view, status: 'failed', error });
      throw new ApiCallError(channel, { code: 'device_rejected', message: error.message });
    }
    double.emit('signing.request', { ...view, status: 'done' });
    return { account, device };
  }

  async function sign(
    channel: Channel,
    accountId: number,
    action: SigningRequestView['action'],
    check: SigningRequestView['check'],
    shown?: Shown,
  ): Promise<SignatureResult> {
    const { account, device } = await askDevice(channel, accountId, action, check, shown);
    return {
      signature: `0x${'ab'.repeat(64)}1b`,
      address: account.address,
      signer: { kind: device.kind, label: device.label, fingerprint: device.fingerprint ?? '' },
      mode: shown?.blind ? 'hashed' : 'clear',
      signedAt: 1_700_000_500_000,
    };
  }

  function askPhone(request: SigningRequestView): void {
    phoneRequests.set(request.id, request);
    double.emit('signing.request', request);
  }

  function phoneRequest(channel: Channel, id: string): SigningRequestView {
    const request = phoneRequests.get(id);
    if (!request) throw new ApiCallError(channel, { code: 'not_found', message: 'No such request.' });
    return request;
  }

  /** Like main: the request ends as failed, and its caller hears it was cancelled. */
  function cancelPhoneRequest(id: string): null {
    const request = phoneRequest('signing.cancel', id);
    phoneRequests.delete(id);
    const error = { state: 'rejected' as const, message: 'You cancelled the request.', remedy: null };
    double.emit('signing.request', { ...request, status: 'failed', error });
    return null;
  }

  /** Like main: an expired request goes out again under the same id, with a new five-minute deadline. */
  function retryPhoneRequest(id: string): null {
    const request = phoneRequest('signing.retry', id);
    if (request.status !== 'expired') {
      throw new ApiCallError('signing.retry', { code: 'conflict', message: 'This request has not expired.' });
    }
    askPhone({ ...request, status: 'waiting_for_phone', expiresAt: Date.now() + 5 * 60_000 });
    return null;
  }

  return {
    handlers: {
      'signing.message': ({ accountId, message }) =>
        sign('signing.message', accountId, 'message', [{ label: 'Message', value: message }]),
      'signing.reviewTypedData': (request) =>
        typedDataReview(double, deviceOf('signing.reviewTypedData', request.accountId).device, request),
      'signing.typedData': (request) => {
        const { device } = deviceOf('signing.typedData', request.accountId);
        const { check, blind } = checkTypedData(double, device, request);
        const review = typedDataReview(double, device, request);
        return sign('signing.typedData', request.accountId, 'typed-data', check, {
          review: { type: 'typed-data', review },
          blind,
        });
      },
      'signing.cancel': ({ id }) => cancelPhoneRequest(id),
      'signing.retry': ({ id }) => retryPhoneRequest(id),
    },
    askDevice,
    holdDevice() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
    askPhone,
  };
}
