import { afterEach, describe, expect, it } from 'vitest';
import { claimFailure, reportFailure, withdrawFailure } from './failureFocus';

afterEach(() => void claimFailure());

describe('failureFocus', () => {
  it('has nothing to claim until a failure is reported', () => {
    expect(claimFailure()).toBe(false);
  });

  it('lets a report be claimed once', () => {
    reportFailure();
    expect(claimFailure()).toBe(true);
    expect(claimFailure()).toBe(false);
  });

  it('withdraws an unclaimed report by its ticket', () => {
    withdrawFailure(reportFailure());
    expect(claimFailure()).toBe(false);
  });

  it('keeps a later report when an earlier one is withdrawn', () => {
    const earlier = reportFailure();
    reportFailure();
    withdrawFailure(earlier);
    expect(claimFailure()).toBe(true);
  });
});
