// `npm run lint:arch`: the architecture rules of .dependency-cruiser.mjs, over every folder with code.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cruise } from 'dependency-cruiser';
import config, { productionFolderRules } from '../.dependency-cruiser.mjs';

export const ROOTS = ['src', 'test', 'e2e', 'bench', 'scripts'];

/**
 * Two passes: every rule over every folder with code, then folder cycles over production code alone (tests
 * and the doubles they build would join every folder to every other one).
 *
 * @param {{ baseDir?: string }} [options]
 */
export async function checkArchitecture({ baseDir = process.cwd() } = {}) {
  const { allowed, allowedSeverity, forbidden, options } = config;
  const common = { ...options, baseDir, validate: true };
  const present = (roots) => roots.filter((root) => existsSync(join(baseDir, root)));
  const modules = await cruise(present(ROOTS), {
    ...common,
    ruleSet: { allowed, allowedSeverity, forbidden },
  });
  const folders = await cruise(present(['src/main', 'src/shared']), {
    ...common,
    exclude: { path: [options.exclude.path, ...productionFolderRules.exclude] },
    ruleSet: { forbidden: productionFolderRules.forbidden },
  });
  const results = [modules.output, folders.output].map((output) => {
    if (typeof output === 'string') throw new Error('dependency-cruiser returned a report, not a result');
    return output;
  });
  const violations = results.flatMap((result) => result.summary.violations);
  return { results, violations };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  const { results, violations } = await checkArchitecture();
  for (const violation of violations) console.log(describe(violation));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const modules = results[0]?.summary.totalCruised ?? 0;
  console.log(`lint:arch: ${violations.length} violations; ${modules} modules in ${seconds} s`);
  if (violations.length > 0) process.exitCode = 1;
}

/** @param {import('dependency-cruiser').IViolation} violation */
function describe({ rule, from, to, cycle }) {
  const via = cycle ? `, cycle ${[from, ...cycle.map((step) => step.name)].join(' → ')}` : '';
  return `  ${rule.severity} ${rule.name}: ${from} → ${to}${via}`;
}
