// `npm start`: the desktop app where the Electron binary is installed, the browser host where it is not.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { findElectronBinary } from './electron-binary.mjs';

const electron = findElectronBinary();
const [command, args] =
  'path' in electron ? [electron.path, ['.']] : [process.execPath, ['dist/host/browser-host.mjs']];
if ('missing' in electron) {
  console.log(
    `Electron binary is not installed on this machine (${electron.missing}). Starting the browser host instead.`,
  );
}

const child = spawn(command, args, { stdio: 'inherit', env: process.env });
child.on('error', (error) => {
  console.error(`Could not start ${command}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
});

// Ctrl+C already reaches the child through the terminal's process group; sending it a second SIGINT could
// cut short its clean shutdown, so this process only waits for it. Signals sent to this process alone are
// passed on, so the app can close its database before it goes.
process.on('SIGINT', () => {});
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => child.kill(signal));
}
