// The pass/fail rule for Electronegativity, kept apart from the scan so it can be tested on made-up findings.

/** Electronegativity's own scale (dist/finder/attributes.js). */
const SEVERITY_RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
const BLOCKING_RANK = SEVERITY_RANK.MEDIUM;

/**
 * @typedef {object} Finding
 * @property {string} check
 * @property {string} severity
 * @property {string} confidence
 * @property {boolean} manualReview true when the tool only flags the spot for a person to look at
 * @property {string} file
 * @property {number} line
 * @property {string} description
 */

/**
 * Flattens the issues the scanner returns (severity and confidence are objects there, `file` is "N/A" for
 * findings about the app as a whole) into plain findings.
 * @param {readonly any[]} issues
 * @returns {Finding[]}
 */
export function toFindings(issues) {
  return issues.map((issue) => ({
    check: String(issue.id),
    severity: String(issue.severity?.name ?? issue.severity),
    confidence: String(issue.confidence?.name ?? issue.confidence),
    manualReview: issue.manualReview === true,
    file: String(issue.file),
    line: Number(issue.location?.line ?? 0),
    description: String(issue.description),
  }));
}

/**
 * A finding blocks when the tool asserts it (not manual review) and rates it MEDIUM or worse. A severity the
 * gate does not know blocks too: a new scale must not pass silently.
 * @param {Finding} finding
 */
export function isBlocking(finding) {
  const rank = SEVERITY_RANK[/** @type {keyof typeof SEVERITY_RANK} */ (finding.severity)];
  return !finding.manualReview && (rank === undefined || rank >= BLOCKING_RANK);
}

/** @param {Finding} finding */
export function describeFinding(finding) {
  const where = finding.file === 'N/A' ? 'whole app' : `${finding.file}:${finding.line}`;
  return `${finding.check} ${finding.severity} ${finding.confidence} ${where} — ${finding.description}`;
}

/**
 * @param {readonly Finding[]} findings
 * @param {readonly { file: string; message: string }[]} unparsed files the scanner could not read, which it
 *   would otherwise skip without a word
 */
export function gate(findings, unparsed = []) {
  const blocking = findings.filter(isBlocking);
  const manual = findings.filter((f) => f.manualReview).length;
  const minor = findings.length - blocking.length - manual;
  const ok = blocking.length === 0 && unparsed.length === 0;
  const parts = [
    `${findings.length} findings`,
    `${blocking.length} blocking (non-manual, MEDIUM or above)`,
    `${manual} for manual review`,
    `${minor} below MEDIUM`,
  ];
  if (unparsed.length > 0) parts.push(`${unparsed.length} files not scanned`);
  return { ok, blocking, summary: `Electronegativity ${ok ? 'passed' : 'FAILED'}: ${parts.join(', ')}` };
}
