import { z } from 'zod';
import {
  AccountRef,
  AddDeviceAccounts,
  DeviceAnswer,
  DeviceView,
  DiscoverAccounts,
  DiscoveryPage,
  SignatureResult,
  SigningRequestView,
  SignMessage,
  SignTypedData,
  VerifiedAddress,
} from '../../devices';
import { AccountView } from '../../accounts';
import { TypedDataReview } from '../../review';
import { SigningRequestRef } from '../../pairing';
import { NoRequest, type CallFamily, type EventFamily } from './spec';

/** Hardware signers and the signing requests that go to them or to a paired phone. */
export const devicesCalls = {
  'devices.list': { request: NoRequest, response: z.array(DeviceView) },
  'devices.discover': { request: DiscoverAccounts, response: DiscoveryPage },
  'devices.addAccounts': { request: AddDeviceAccounts, response: z.array(AccountView) },
  'devices.verifyAddress': { request: AccountRef, response: VerifiedAddress },
  'devices.forget': {
    request: z.strictObject({ fingerprint: z.string().min(1).max(128) }),
    response: z.null(),
  },
  'devices.answer': { request: DeviceAnswer, response: z.null() },
  'signing.message': { request: SignMessage, response: SignatureResult },
  /** What the typed data allows, decoded, with findings and what the device will show; nothing is signed. */
  'signing.reviewTypedData': { request: SignTypedData, response: TypedDataReview },
  'signing.typedData': { request: SignTypedData, response: SignatureResult },
  /** Withdraws a request still waiting for a phone; its caller gets a `cancelled` error. */
  'signing.cancel': { request: SigningRequestRef, response: z.null() },
  /** Sends an expired phone request again under the same id, with a new deadline. */
  'signing.retry': { request: SigningRequestRef, response: z.null() },
} as const satisfies CallFamily;

export const devicesEvents = {
  'devices.changed': z.array(DeviceView),
  'signing.request': SigningRequestView,
} as const satisfies EventFamily;
