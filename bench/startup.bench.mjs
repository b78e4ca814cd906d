// Start-up and bundle size of what `npm start` serves: run after `npm run build`.
// Prints one JSON object; the figures go in the team's notes, not in a timed test.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';

const RUNS = 7;

function bundleSize(dir) {
  let raw = 0;
  let gzip = 0;
  for (const file of readdirSync(dir, { recursive: true })) {
    const path = join(dir, file);
    if (!statSync(path).isFile() || !['.js', '.css', '.html'].includes(extname(path))) continue;
    const bytes = readFileSync(path);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

async function timeHostStart() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['dist/host/browser-host.mjs'], {
    env: { ...process.env, PORT: '0', WALLET_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('Open ') && resolve());
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
  return ms;
}

const times = [];
for (let i = 0; i < RUNS; i++) times.push(await timeHostStart());
times.sort((a, b) => a - b);
const renderer = bundleSize('dist/renderer');
console.log(
  JSON.stringify({
    rendererBytes: renderer.raw,
    rendererGzipBytes: renderer.gzip,
    hostBundleBytes: statSync('dist/host/browser-host.mjs').size,
    hostStartMedianMs: Math.round(times[Math.floor(RUNS / 2)]),
    hostStartMinMs: Math.round(times[0]),
    runs: RUNS,
  }),
);
