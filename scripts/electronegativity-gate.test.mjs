import { describe, expect, it } from 'vitest';
import { describeFinding, gate, isBlocking, toFindings } from './electronegativity-gate.mjs';

/** An issue shaped the way the scanner returns it. */
const issue = (overrides) => ({
  id: 'SANDBOX_JS_CHECK',
  severity: { value: 2, name: 'MEDIUM' },
  confidence: { value: 1, name: 'FIRM' },
  manualReview: false,
  file: 'main/electron/window.ts',
  location: { line: 12, column: 4 },
  description: 'Use the sandbox',
  ...overrides,
});

describe('the Electronegativity gate', () => {
  it('fails on a MEDIUM finding the tool asserts, and names it', () => {
    const verdict = gate(toFindings([issue({})]));
    expect(verdict.ok).toBe(false);
    expect(verdict.blocking).toHaveLength(1);
    expect(describeFinding(verdict.blocking[0])).toBe(
      'SANDBOX_JS_CHECK MEDIUM FIRM main/electron/window.ts:12 — Use the sandbox',
    );
    expect(verdict.summary).toMatch(/^Electronegativity FAILED: 1 findings, 1 blocking/);
  });

  it('fails on a HIGH finding about the whole app', () => {
    const verdict = gate(
      toFindings([issue({ id: 'LIMIT_NAVIGATION_GLOBAL_CHECK', severity: { name: 'HIGH' }, file: 'N/A' })]),
    );
    expect(verdict.ok).toBe(false);
    expect(describeFinding(verdict.blocking[0])).toContain('whole app');
  });

  it('passes a MEDIUM or HIGH finding left to manual review', () => {
    const verdict = gate(
      toFindings([
        issue({ id: 'PRELOAD_JS_CHECK', manualReview: true }),
        issue({ id: 'LIMIT_NAVIGATION_JS_CHECK', severity: { name: 'HIGH' }, manualReview: true }),
      ]),
    );
    expect(verdict).toMatchObject({ ok: true, blocking: [] });
    expect(verdict.summary).toBe(
      'Electronegativity passed: 2 findings, 0 blocking (non-manual, MEDIUM or above), 2 for manual review, 0 below MEDIUM',
    );
  });

  it('passes findings below MEDIUM', () => {
    expect(
      gate(toFindings([issue({ severity: { name: 'LOW' } }), issue({ severity: { name: 'INFORMATIONAL' } })]))
        .ok,
    ).toBe(true);
  });

  it('blocks a severity it does not know rather than passing it', () => {
    expect(isBlocking(toFindings([issue({ severity: { name: 'CRITICAL' } })])[0])).toBe(true);
  });

  it('fails when the scanner could not read a file', () => {
    const verdict = gate([], [{ file: 'src/main/electron/main.ts', message: 'Unexpected token' }]);
    expect(verdict.ok).toBe(false);
    expect(verdict.summary).toContain('1 files not scanned');
  });
});
