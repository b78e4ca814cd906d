import { z } from 'zod';

/** One call: what the renderer may send and what main must answer, both checked at the boundary. */
export interface CallSpec {
  request: z.ZodType;
  response: z.ZodType;
}

/** A call family: the channels of one capability, each named `<group>.<method>`. */
export type CallFamily = Record<`${string}.${string}`, CallSpec>;

/** The events a capability may push, each with the payload schema main checks before it leaves. */
export type EventFamily = Record<`${string}.${string}`, z.ZodType>;

/** No-argument calls take `undefined`, which is what both Electron's invoke and a JSON frame carry. */
export const NoRequest = z.undefined();
