import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', 'scripts/**/*.test.{ts,mjs}'],
    environment: 'node',
    pool: 'forks',
    // Vitest leaves a core idle by default, which on a 2-core machine means one file at a time. Most tests here
    // wait on child processes (anvil, D-Bus, the relay), so a worker per core runs the suite in about 60% of
    // the time (232 s against 395 s for this suite, measured on 2 cores).
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
