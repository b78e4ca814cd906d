import fc from 'fast-check';
import { describe, it } from 'vitest';
import { retryDelay } from './retryPolicy';

describe('retryDelay', () => {
  it('stays between half and all of the capped exponential delay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (failures, baseDelayMs, maxDelayMs, random) => {
          const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - 1));
          const delay = retryDelay(failures, { attempts: 0, baseDelayMs, maxDelayMs }, () => random);
          return delay >= cap / 2 && delay <= cap;
        },
      ),
    );
  });
});
