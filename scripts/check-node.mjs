// npm scripts put node_modules/.bin first on PATH, where the `node` devDependency installs Node 24.
// If this prints an older version, the install step was skipped or ran with --omit=dev.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(
    `This project's tooling runs on Node 24 LTS, but npm scripts are running Node ${process.versions.node}.\n` +
      'Run `npm install` (it installs Node 24 from the npm registry as a devDependency) and use npm scripts.',
  );
  process.exit(1);
}
console.log(`node ${process.versions.node} (from ${process.execPath})`);
