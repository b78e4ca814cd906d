// Packs the built app as electron-builder would for Linux x64, without an installer and without Electron:
// the `dir` target with a stand-in Electron directory. What comes out is the real layout (app.asar, the
// unpacked natives, the resources), around a fake executable.
import { Arch, Platform, build } from 'electron-builder';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** A directory electron-builder accepts as `electronDist`: an `electron` executable and a `version` file. */
export function writeStandInElectron(dir, electronVersion) {
  mkdirSync(dir, { recursive: true });
  const executable = join(dir, 'electron');
  writeFileSync(
    executable,
    '#!/bin/sh\necho "stand-in Electron: this layout check cannot run the app" >&2\nexit 1\n',
  );
  chmodSync(executable, 0o755);
  writeFileSync(join(dir, 'version'), electronVersion);
  return dir;
}

/**
 * electron-builder.yml as the installers use it, with what a stand-in binary forces: no fuses (they patch
 * the real binary) and the output in `outDir`. electron-builder reads electron-builder.yml by itself too and
 * merges this over it, so fuses are switched off explicitly rather than left out.
 */
export function layoutCheckConfig({ configFile, electronDist, outDir }) {
  const config = yaml.load(readFileSync(configFile, 'utf8'));
  return {
    ...config,
    electronFuses: null,
    electronDist,
    directories: { ...config.directories, output: outDir },
  };
}

/** Returns the unpacked app directory (`<outDir>/linux-unpacked`). */
export async function packLinuxDir({ projectDir, configFile, electronDist, outDir }) {
  await build({
    projectDir,
    config: layoutCheckConfig({ configFile, electronDist, outDir }),
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
  });
  return join(outDir, 'linux-unpacked');
}
