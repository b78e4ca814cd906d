import { describe, expect, it } from 'vitest';
import { simulationFailed } from './simulationFailed';

const simulation = (overrides: Partial<Parameters<typeof simulationFailed>[0]>) => ({
  reverted: false,
  revertReason: null,
  status: 'simulated' as const,
  note: null,
  ...overrides,
});

describe('simulationFailed', () => {
  it('warns when nothing could run it, with the note', () => {
    const found = simulationFailed(simulation({ status: 'failed', note: 'The node did not answer.' }));
    expect(found).toMatchObject({ code: 'simulation-failed', severity: 'warning' });
    expect(found?.message).toMatch(/only show after signing\. The node did not answer\.$/);
  });

  it('says nothing when it was simulated or checked', () => {
    expect(simulationFailed(simulation({ status: 'checked', note: 'x' }))).toBeNull();
    expect(simulationFailed(simulation({}))).toBeNull();
  });
});
