// The layout check packs dist/ as it is. `npm test` builds it just before (test:e2e), so it is rebuilt here
// only when a built file is missing or older than what it is built from.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUTPUTS = [
  'dist/main/electron.cjs',
  'dist/preload/index.cjs',
  'dist/renderer/index.html',
  'dist/companion/index.html',
];
const INPUTS = [
  'src',
  'package.json',
  'vite.config.ts',
  'vite.companion.config.ts',
  'scripts/build.mjs',
  'scripts/build-trezor.mjs',
];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Why dist/ must be built again, or null when it is current. */
export function staleBuild(projectDir) {
  const missing = OUTPUTS.find((output) => !existsSync(join(projectDir, output)));
  if (missing) return `${missing} is missing`;
  const built = Math.min(...OUTPUTS.map((output) => statSync(join(projectDir, output)).mtimeMs));
  const changed = INPUTS.find((input) => newestChange(join(projectDir, input)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

export function ensureBuilt(projectDir) {
  const reason = staleBuild(projectDir);
  if (reason === null) return;
  console.error(`building first: ${reason}`);
  execFileSync('npm', ['run', 'build'], { cwd: projectDir, stdio: ['ignore', 'inherit', 'inherit'] });
}
