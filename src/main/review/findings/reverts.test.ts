import { describe, expect, it } from 'vitest';
import { reverts } from './reverts';

const simulation = (overrides: Partial<Parameters<typeof reverts>[0]>) => ({
  reverted: false,
  revertReason: null,
  status: 'simulated' as const,
  note: null,
  ...overrides,
});

describe('reverts', () => {
  it('blocks, overridably, a transaction that fails on the node, with its reason', () => {
    expect(reverts(simulation({ reverted: true, revertReason: 'Claim window closed' }))).toEqual({
      code: 'reverts',
      severity: 'blocking',
      overridable: true,
      message:
        "This transaction fails when run on your network's node: Claim window closed. Signing it would spend the fee and do nothing else.",
      facts: [{ label: 'Reason', value: 'Claim window closed' }],
      fix: null,
    });
  });

  it('says so when there is no reason', () => {
    expect(reverts(simulation({ reverted: true }))?.message).toContain('node, without giving a reason.');
  });

  it('says nothing when it succeeds', () => {
    expect(reverts(simulation({}))).toBeNull();
  });
});
