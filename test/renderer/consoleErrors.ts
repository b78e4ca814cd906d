import { afterEach, beforeEach, vi, type MockInstance } from 'vitest';

/**
 * Silences `console.error` during each test of the file that calls it, and gives the test what was logged:
 * a failure boundary logs what it catches (and React logs it again), which the tests assert on rather than
 * print. Call it at the file's top level, before the file's own `afterEach`, so that runs first.
 */
export function captureConsoleErrors(): () => MockInstance<typeof console.error> {
  let spy: MockInstance<typeof console.error> | undefined;
  beforeEach(() => {
    spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    spy?.mockRestore();
    spy = undefined;
  });
  return () => {
    if (!spy) throw new Error('console.error is captured only while a test runs');
    return spy;
  };
}
