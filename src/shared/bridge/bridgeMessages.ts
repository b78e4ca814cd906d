import { z } from 'zod';
import { PairingError } from '../pairing/pairingError';

/** The largest application message either side sends or accepts, as UTF-8 JSON. */
export const MAX_BRIDGE_MESSAGE_BYTES = 256 * 1024;

/** Names and reasons are shown to the user: bounded, one line. */
const Label = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'printable text');
const RequestId = z.string().min(1).max(64);
const Origins = z.array(z.string().max(300)).max(1000);

export const ProviderEventName = z.enum(['connect', 'disconnect', 'accountsChanged', 'chainChanged']);
export type ProviderEventName = z.infer<typeof ProviderEventName>;

export const BridgeRpcError = z.strictObject({
  code: z.number().int(),
  message: z.string().max(1000),
  data: z.unknown().optional(),
});
export type BridgeRpcError = z.infer<typeof BridgeRpcError>;

/** What the extension sends. The origin is the browser's word for the sender; the desktop still checks it. */
export const ExtensionMessage = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('hello'), name: Label }),
  z.strictObject({ t: z.literal('resume') }),
  z.strictObject({
    t: z.literal('request'),
    id: RequestId,
    origin: z.string().min(1).max(300),
    method: z.string().min(1).max(100),
    params: z.unknown().optional(),
  }),
]);
export type ExtensionMessage = z.infer<typeof ExtensionMessage>;

export const DesktopMessage = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('paired'), desktopName: Label }),
  z.strictObject({ t: z.literal('refused'), reason: z.string().min(1).max(300) }),
  z.strictObject({ t: z.literal('ready'), desktopName: Label, windowEthereum: Origins }),
  z.strictObject({
    t: z.literal('response'),
    id: RequestId,
    result: z.unknown().optional(),
    error: BridgeRpcError.optional(),
  }),
  z.strictObject({
    t: z.literal('event'),
    origin: z.string().min(1).max(300),
    name: ProviderEventName,
    data: z.unknown(),
  }),
  z.strictObject({ t: z.literal('sites'), windowEthereum: Origins }),
  z.strictObject({ t: z.literal('ping') }),
]);
export type DesktopMessage = z.infer<typeof DesktopMessage>;

/** JSON as UTF-8; refuses a message over the limit rather than let the other side refuse it. */
export function encodeBridgeMessage(message: ExtensionMessage | DesktopMessage): Uint8Array {
  const bytes = new TextEncoder().encode(JSON.stringify(message));
  if (bytes.length > MAX_BRIDGE_MESSAGE_BYTES) {
    throw new PairingError(
      'message_too_large',
      `A bridge message of ${bytes.length} bytes is too large to send.`,
    );
  }
  return bytes;
}

export function decodeExtensionMessage(bytes: Uint8Array): ExtensionMessage {
  return decode(bytes, ExtensionMessage);
}

export function decodeDesktopMessage(bytes: Uint8Array): DesktopMessage {
  return decode(bytes, DesktopMessage);
}

function decode<T>(bytes: Uint8Array, schema: z.ZodType<T>): T {
  if (bytes.length > MAX_BRIDGE_MESSAGE_BYTES) {
    throw new PairingError('message_too_large', `A bridge message of ${bytes.length} bytes was refused.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new PairingError('invalid_message', 'A bridge message is not UTF-8 JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new PairingError('invalid_message', 'A bridge message has an unknown shape.');
  return parsed.data;
}
