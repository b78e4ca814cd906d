// The checks of a packaged app's layout. Each takes what the layout check read and returns its problems, in
// words: an empty list means it passed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import { bareRequires } from './bareRequires.mjs';
import { readElfTarget } from './elfTarget.mjs';

/** Required by libraries inside a try, for speed-ups they do without. */
export const OPTIONAL_REQUIRES = new Map([
  ['bufferutil', 'ws masks frames in JavaScript without it'],
  ['utf-8-validate', 'ws validates UTF-8 in JavaScript without it'],
  ['encoding', 'node-fetch decodes only UTF-8 without it'],
]);

/** The files the app itself loads: its bundles, the pages, and files the bundles read at run time. */
export const REQUIRED_FILES = [
  'dist/preload/index.cjs',
  'dist/renderer/index.html',
  'dist/companion/index.html',
  'dist/main/zxing_reader.wasm',
];

/** @typedef {{ path: string; size: number; unpacked: boolean }} AsarFile */
/**
 * @typedef {object} Layout
 * @property {string} resourcesDir the packaged `resources` directory
 * @property {string} appDir app.asar extracted, with app.asar.unpacked copied over it
 * @property {AsarFile[]} files what the asar header lists
 */

/** package.json's `main` inside the asar names a file inside it: what Electron starts. */
export function checkEntry({ appDir, files }) {
  const { main } = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8'));
  if (typeof main !== 'string')
    return ['package.json inside app.asar has no "main": Electron would not start it'];
  const entry = main.replace(/^\.\//, '');
  return files.some((file) => file.path === entry)
    ? []
    : [`package.json's main, ${main}, is not inside app.asar`];
}

/** The pages, preload and companion are inside, with every script and stylesheet the pages link. */
export function checkAppFiles({ files }) {
  const paths = new Set(files.map((file) => file.path));
  return REQUIRED_FILES.filter((path) => !paths.has(path)).map((path) => `${path} is not inside app.asar`);
}

/** Every local asset an index.html links (src= and href=) is inside, beside it. */
export function checkLinkedAssets({ appDir, files }, page) {
  const paths = new Set(files.map((file) => file.path));
  const dir = page.slice(0, page.lastIndexOf('/'));
  const html = readFileSync(join(appDir, page), 'utf8');
  const links = [...html.matchAll(/\b(?:src|href)="([^"#?]+)"/g)]
    .map(([, link]) => link)
    .filter((link) => !/^[a-z][a-z0-9+.-]*:/i.test(link));
  const missing = links.filter((link) => !paths.has(`${dir}/${link.replace(/^\.?\//, '')}`));
  return [
    ...(links.some((link) => link.endsWith('.js')) ? [] : [`${page} links no script`]),
    ...missing.map((link) => `${page} links ${link}, which is not inside app.asar`),
  ];
}

const SOURCE = /\.(?:[cm]?tsx?)$/; // .ts, .tsx, .mts, .cts, and so .d.ts
const TEST_DOUBLE = [
  [/(?:^|\/)[^/]*\.(?:test|spec)\.[^/]+$/, 'a test file'],
  [/^(?:test|e2e|scripts|bench)\//, "the project's test and tooling code"],
  [/^dist\/(?:demo|host|bench|extension)\//, 'a dev or test build (the demo, the browser host, benchmarks)'],
  [/emulat/i, 'an emulator'],
];

/** No TypeScript source (nor declaration) and no test double. */
export function checkNoSourcesOrTestDoubles({ files }) {
  const problems = [];
  for (const { path } of files) {
    if (SOURCE.test(path)) problems.push(`${path} is TypeScript source inside the package`);
    for (const [pattern, what] of TEST_DOUBLE) {
      if (pattern.test(path)) problems.push(`${path} is ${what}, inside the package`);
    }
  }
  return problems;
}

// A path segment that names another OS or CPU, as prebuild directories and platform packages do.
const OTHER_PLATFORM =
  /(?:^|[-_.+])(?:darwin|win32|android|freebsd|arm|arm64|armv7l|aarch64|ia32|riscv64)(?:[-_.+]|$)/;

/**
 * Native modules are unpacked (they cannot be loaded from inside an archive), and built for Linux x64: each
 * `.node` is a 64-bit x86-64 ELF file, and nothing is named for another OS or CPU.
 */
export function checkNativeModules({ resourcesDir, files }) {
  const problems = [];
  const natives = files.filter((file) => file.path.endsWith('.node'));
  if (natives.length === 0) problems.push('no native module (.node) is in the package');
  for (const { path, unpacked } of natives) {
    if (!unpacked) {
      problems.push(`${path} is packed inside app.asar: Electron cannot load a native module from there`);
      continue;
    }
    const target = readElfTarget(join(resourcesDir, 'app.asar.unpacked', path));
    if (!target.elf) problems.push(`${path} is not an ELF file: it is not built for Linux`);
    else if (target.bits !== 64 || target.machine !== 'x86-64') {
      problems.push(`${path} is built for ${target.bits ?? '?'}-bit ${target.machine}, not Linux x64`);
    }
  }
  // Directories (prebuilds, platform packages) and native files: other files may be named after an OS for
  // other reasons (a library's icon of Android, an assembly source for ARM).
  for (const { path } of files) {
    const parts = path.split('/');
    const named = path.endsWith('.node') ? parts : parts.slice(0, -1);
    const segment = named.find((part) => OTHER_PLATFORM.test(part));
    if (segment) problems.push(`${path} is named for another OS or CPU (${segment})`);
  }
  return problems;
}

/** The udev rules the deb and rpm install scripts copy are in resources/udev, as the sources hold them. */
export function checkUdevRules({ resourcesDir }, sourceDir) {
  const rules = (dir) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.rules')) : []);
  const expected = rules(sourceDir).sort();
  const shipped = rules(join(resourcesDir, 'udev')).sort();
  if (expected.length === 0) return [`${sourceDir} holds no udev rules to compare with`];
  const missing = expected.filter((name) => !shipped.includes(name));
  const changed = expected.filter(
    (name) =>
      shipped.includes(name) &&
      !readFileSync(join(sourceDir, name)).equals(readFileSync(join(resourcesDir, 'udev', name))),
  );
  return [
    ...missing.map((name) => `resources/udev/${name} is missing: the Linux install scripts copy it`),
    ...changed.map((name) => `resources/udev/${name} differs from ${sourceDir}/${name}`),
  ];
}

/**
 * resources/app-update.yml, which electron-updater reads to find releases, names a generic feed over https
 * (electron-builder writes it from the `publish` section).
 */
export function checkUpdateFeed({ resourcesDir }) {
  const file = join(resourcesDir, 'app-update.yml');
  if (!existsSync(file))
    return ['resources/app-update.yml is missing: electron-updater could not find releases'];
  let feed;
  try {
    feed = yaml.load(readFileSync(file, 'utf8'));
  } catch (error) {
    return [`resources/app-update.yml is not YAML: ${error.message}`];
  }
  const problems = [];
  if (feed?.provider !== 'generic')
    problems.push(`resources/app-update.yml names provider ${feed?.provider}, not generic`);
  if (typeof feed?.url !== 'string' || !feed.url.startsWith('https://')) {
    problems.push(`resources/app-update.yml names feed ${feed?.url}, not an https:// URL`);
  }
  return problems;
}

/** The app's own scripts (not the libraries'): what `main` and the pages run. */
export function appBundles({ files }) {
  return files.map((file) => file.path).filter((path) => /^dist\/(?:main|preload)\/[^/]+\.c?js$/.test(path));
}

/**
 * Every package a bundle requires is inside the packaged app, and loads from there: resolved from the bundle's
 * own directory as Electron would, then required in a separate Node process. Electron itself is a stand-in
 * here, so `electron` is the one name left unresolved.
 */
export function checkBareRequires(layout) {
  const problems = [];
  const wanted = [];
  for (const bundle of appBundles(layout)) {
    const file = join(layout.appDir, bundle);
    for (const specifier of bareRequires(readFileSync(file, 'utf8'))) {
      if (specifier === 'electron' || OPTIONAL_REQUIRES.has(specifier)) continue;
      let resolved;
      try {
        resolved = createRequire(file).resolve(specifier);
      } catch {
        problems.push(`${bundle} requires ${specifier}, which is not in the package`);
        continue;
      }
      const inside = relative(layout.appDir, resolved);
      if (inside.startsWith('..') || inside.startsWith(sep)) {
        problems.push(`${bundle} requires ${specifier}, found outside the package at ${resolved}`);
      } else wanted.push([file, specifier, bundle]);
    }
  }
  return [...problems, ...loadFailures(wanted)];
}

/** Requires each [bundle file, specifier] in a fresh Node process, so native modules really load. */
function loadFailures(wanted) {
  if (wanted.length === 0) return [];
  const script = `
    const { createRequire } = require('node:module');
    const failures = [];
    for (const [file, specifier, bundle] of JSON.parse(process.argv[1])) {
      try { createRequire(file)(specifier); }
      catch (error) { failures.push(bundle + ' requires ' + specifier + ', which fails to load: ' + error.message); }
    }
    process.stdout.write(JSON.stringify(failures));
    process.exit(0);`;
  const output = execFileSync(process.execPath, ['-e', script, JSON.stringify(wanted)], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(output);
}
