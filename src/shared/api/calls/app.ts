import { z } from 'zod';
import { NoRequest, type CallFamily } from './spec';

export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  platform: z.string(),
  arch: z.string(),
  runtime: z.strictObject({ node: z.string(), electron: z.string().nullable() }),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** What the app is and where it runs, for About and bug reports. */
export const appCalls = {
  'app.info': { request: NoRequest, response: AppInfo },
} as const satisfies CallFamily;
