// Runs Electronegativity over src/ and fails on any non-manual finding of MEDIUM severity or above.
//
// The tool exits 0 whatever it finds, so the gate reads its findings. It is called through its package
// entry rather than its CLI because neither report format the CLI writes carries everything the gate
// needs: the CSV has no manual-review flag, and the SARIF has no severity. The SARIF is still written, for
// people and code-scanning tools.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describeFinding, gate, toFindings } from './electronegativity-gate.mjs';

const require = createRequire(import.meta.url);

// On every run the tool fetches updated finding descriptions from S3 with `got`. Offline, that request times
// out, and got's retry then throws from a timer after the scan, crashing the run whatever it found. The gate
// must give the same answer with or without a network, so `got` is replaced, for the tool alone, by one that
// answers "no update" at once; the tool then uses the English descriptions it ships.
const i18n = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
const got = createRequire(i18n).resolve('got');
require.cache[got] = {
  id: got,
  filename: got,
  loaded: true,
  exports: async () => ({ statusCode: 404, body: '' }),
};
const scan = require('@doyensec/electronegativity');

// Queries the network for Electron advisories, so its answer would change from run to run.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const REPORT_DIR = '.electronegativity';
const REPORT = `${REPORT_DIR}/report.sarif`;

// Reading the installed Electron's version needs only its package.json, never the binary.
const electronVersion = require('electron/package.json').version;

mkdirSync(REPORT_DIR, { recursive: true });
const result = await scan(
  {
    input: resolve('src'),
    output: REPORT,
    isSarif: true,
    isRelative: true,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);

const unparsed = result.errors.filter((error) => !error.tolerable);
const verdict = gate(toFindings(result.issues), unparsed);
for (const error of unparsed) console.error(`not scanned: ${error.file}: ${error.message}`);
for (const finding of verdict.blocking) console.error(describeFinding(finding));
console.log(`${verdict.summary}; ${result.atomicChecks + result.globalChecks} checks, report in ${REPORT}`);
// exitCode rather than exit(): the tool writes its report asynchronously and must be allowed to finish.
process.exitCode = verdict.ok ? 0 : 1;
