import type { Finding, FindingCode, FindingFix } from '../../../shared/review';

export type FindingFact = Finding['facts'][number];

/**
 * One finding. Only a blocking finding can be overridable (a revert the user may still want to sign); a
 * warning or a note never disables Sign, so there is nothing to override.
 */
export function finding(
  code: FindingCode,
  severity: Finding['severity'],
  message: string,
  extra: { overridable?: boolean; facts?: FindingFact[]; fix?: FindingFix | null } = {},
): Finding {
  return {
    code,
    severity,
    overridable: severity === 'blocking' && extra.overridable === true,
    message,
    facts: extra.facts ?? [],
    fix: extra.fix ?? null,
  };
}

/** eth_getCode answers "0x" for an account without code; null means the code was not read. */
export function hasCode(code: string | null): boolean | null {
  return code === null ? null : code !== '0x' && code !== '';
}
