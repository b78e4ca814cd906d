import type { EmulatorKeys } from './emulatorKeys';
import type { WireMessage } from './trezorWire';

/**
 * One conversation with the device, written as a generator: each `yield` sends a message to the host and
 * resumes with the host's next message; the return value is the conversation's last message. Chunked data,
 * button confirmations and PIN entry are then plain sequential code.
 */
export type DeviceFlow = Generator<WireMessage, WireMessage, WireMessage>;

/** A device-side refusal; the bridge answers it with a `Failure` carrying the firmware's code. */
export class DeviceFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The host's next message must be `type`; anything else ends the flow as the firmware does. */
export function expectMessage(received: WireMessage, type: string): Record<string, unknown> {
  if (received.type !== type) {
    throw new DeviceFailure('Failure_UnexpectedMessage', `Expected ${type}, got ${received.type}`);
  }
  return received.message;
}

export function failure(code: string, message: string): WireMessage {
  return { type: 'Failure', message: { code, message } };
}

/** What a flow needs from the device: the open wallet's keys and a button press the user may refuse. */
export interface EthereumContext {
  keys: EmulatorKeys;
  confirm(code: string): Generator<WireMessage, void, WireMessage>;
}
