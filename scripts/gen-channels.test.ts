import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calls, events } from '../src/shared/api/contract';
import { CHANNELS_FILE, renderChannels } from './gen-channels.mjs';

describe('channels.ts, the zod-free list of names', () => {
  it('is exactly what gen:channels writes from the call families (run `npm run gen:channels` if not)', async () => {
    const expected = await renderChannels(Object.keys(calls), Object.keys(events));
    expect(readFileSync(CHANNELS_FILE, 'utf8')).toBe(expected);
  });

  it('renders a name list the compiler reads as literal types', async () => {
    const text = await renderChannels(['a.one', 'b.two'], ['a.changed']);
    expect(text).toContain("export const CHANNELS = ['a.one', 'b.two'] as const;");
    expect(text).toContain("export const EVENT_NAMES = ['a.changed'] as const;");
  });
});
