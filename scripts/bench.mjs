// Bundles one benchmark with esbuild and runs it: `node scripts/bench.mjs discovery` runs
// bench/discovery.bench.ts. Node alone cannot load the TypeScript sources' extensionless imports, and some
// dependencies ship ESM builds with extensionless imports too, so everything but native modules is bundled.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const [name] = process.argv.slice(2);
if (!name) {
  console.error('usage: node scripts/bench.mjs <name>   (runs bench/<name>.bench.ts)');
  process.exit(2);
}
const outfile = `dist/bench/${name}.bench.mjs`;
await build({
  entryPoints: [`bench/${name}.bench.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: ['better-sqlite3', 'node-hid', 'usb', '@napi-rs/keyring'],
  logLevel: 'warning',
  // Bundled CommonJS still calls require() for Node's built-ins; ESM output needs one made for it.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
});
const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
process.exit(run.status ?? 1);
