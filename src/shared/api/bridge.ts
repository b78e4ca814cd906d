// zod's mini build: the renderer checks every frame from the first screen on, and the full build would double
// what that screen loads.
import * as z from 'zod/mini';
import { BACKUP_MAX_BYTES } from '../backupSize';

/**
 * Frames of the browser host's WebSocket bridge: the same contract as Electron IPC, carried as JSON.
 * The bridge adds only a request id, because a socket, unlike ipcRenderer.invoke, has no reply channel.
 */
export const BRIDGE_PATH = '/bridge';
export const BRIDGE_PROTOCOL = 'ledgerline.bridge.v1';
/** The per-launch secret rides as a second WebSocket subprotocol, because browsers cannot set headers. */
export const BRIDGE_AUTH_PREFIX = 'auth.';
/** The largest request is a backup import; anything larger is hostile or broken and is refused unparsed. */
export const BRIDGE_MAX_FRAME_BYTES = BACKUP_MAX_BYTES + 64 * 1024;

export const BridgeRequest = z.strictObject({
  id: z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
  channel: z.string().check(z.maxLength(200)),
  payload: z.optional(z.unknown()),
});
export type BridgeRequest = z.infer<typeof BridgeRequest>;

export type BridgeServerFrame =
  { kind: 'result'; id: number | null; result: unknown } | { kind: 'event'; name: string; payload: unknown };

export const BridgeServerFrame = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('result'), id: z.nullable(z.number()), result: z.unknown() }),
  z.strictObject({ kind: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
