// `npm run check:package`: a layout check with a stand-in Electron binary, not an installer build. It packs the
// built app for Linux x64 as the installers would (electron-builder's `dir` target, electron-builder.yml),
// around a fake `electron` executable, then checks what is inside and how big it is. It proves the payload's
// layout; it does not prove the app runs in the real Electron, nor that installers build (see README).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackagedTrezorCheck } from './build-trezor.mjs';
import { extractApp, listAsar } from './package/appArchive.mjs';
import { ensureBuilt } from './package/ensureBuilt.mjs';
import {
  checkAppFiles,
  checkBareRequires,
  checkEntry,
  checkLinkedAssets,
  checkNativeModules,
  checkNoSourcesOrTestDoubles,
  checkUdevRules,
  checkUpdateFeed,
} from './package/layoutChecks.mjs';
import { packLinuxDir, writeStandInElectron } from './package/packLinuxDir.mjs';
import { PAYLOAD_LIMIT_BYTES, payloadFigures } from './package/payloadFigures.mjs';

const projectDir = join(import.meta.dirname, '..');

/** Runs the Trezor check against the test bridge (test/trezor/packaged) with the app's own TrezorConnect and usb. */
function packagedTrezorProblems(checkScript, appDir) {
  const run = spawnSync(process.execPath, [checkScript, appDir], { encoding: 'utf8', timeout: 120_000 });
  if (run.status === 0) return [];
  return [(run.stderr.trim() || run.error?.message) ?? `it exited with ${run.status ?? run.signal}`];
}

async function checkPackage(work) {
  ensureBuilt(projectDir);
  const { version: electronVersion } = JSON.parse(
    readFileSync(join(projectDir, 'node_modules/electron/package.json'), 'utf8'),
  );
  // The Trezor check is built outside the app, into the check's own directory, while the app is packed.
  const [unpackedApp, trezorCheck] = await Promise.all([
    packLinuxDir({
      projectDir,
      configFile: join(projectDir, 'electron-builder.yml'),
      electronDist: writeStandInElectron(join(work, 'stand-in-electron'), electronVersion),
      outDir: join(work, 'out'),
    }),
    buildPackagedTrezorCheck(join(work, 'trezor-check')),
  ]);
  const resourcesDir = join(unpackedApp, 'resources');
  const archive = join(resourcesDir, 'app.asar');
  const appDir = join(work, 'app');
  extractApp(archive, appDir);
  const layout = { resourcesDir, appDir, files: listAsar(archive) };

  const checks = {
    'the app starts from the asar entry': () => [...checkEntry(layout), ...checkBareRequires(layout)],
    'the renderer, preload and companion are inside': () => [
      ...checkAppFiles(layout),
      ...checkLinkedAssets(layout, 'dist/renderer/index.html'),
      ...checkLinkedAssets(layout, 'dist/companion/index.html'),
    ],
    'no TypeScript source and no test double is inside': () => checkNoSourcesOrTestDoubles(layout),
    'native modules are unpacked, for Linux x64 only': () => checkNativeModules(layout),
    'the udev rules are in the resources': () =>
      checkUdevRules(layout, join(projectDir, 'resources/linux/udev')),
    'the update feed is in the resources': () => checkUpdateFeed(layout),
    'a Trezor signs through the packaged TrezorConnect': () => packagedTrezorProblems(trezorCheck, appDir),
  };
  const failures = Object.entries(checks).flatMap(([name, check]) => {
    const problems = check();
    console.error(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name}`);
    return problems.map((problem) => `${name}: ${problem}`);
  });
  const figures = payloadFigures(archive, layout.files);
  const payload = figures.asarBytes + figures.unpackedBytes;
  if (payload >= PAYLOAD_LIMIT_BYTES) {
    failures.push(`the payload (app.asar and app.asar.unpacked) is ${payload} bytes, not under 30 MiB`);
  }
  return { figures, failures };
}

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'ledgerline-layout-check-'));
try {
  const { figures, failures } = await checkPackage(work);
  console.log(JSON.stringify(figures));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.error(`Layout check with a stand-in Electron binary, not an installer build: ${seconds} s.`);
  if (failures.length > 0) {
    console.error(
      `The package layout check failed:\n${failures.map((failure) => `- ${failure}`).join('\n')}`,
    );
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
