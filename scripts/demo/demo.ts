// `npm run demo`: the wallet on three local chains with funded watch-only accounts, until Ctrl+C.
import { formatUnits } from 'ethers/utils';
import { findChain } from '../../src/shared/chains/registry';
import { findElectronBinary } from '../electron-binary.mjs';
import { DEMO_ACCOUNTS, DEMO_TOKENS, expectedTotal } from './demoPortfolio';
import { type ElectronDemo, startDemo, startElectronDemo } from './startDemo';

const port = Number(process.env.PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a TCP port number (0-65535), not ${JSON.stringify(process.env.PORT)}.`);
  process.exit(2);
}
const options = { port, dataDir: process.env.DEMO_DATA_DIR };

const electron = findElectronBinary();
if ('missing' in electron) {
  console.log(`Electron binary is not installed (${electron.missing}); the demo runs in the browser host.`);
}

let demo: ElectronDemo;
try {
  if ('path' in electron) {
    demo = await startElectronDemo(electron.path, options);
    console.log(`Ledgerline (Electron) is open with its data in ${demo.dataDir}`);
  } else {
    const host = await startDemo(options);
    console.log(`Open ${host.url}`);
    demo = host;
  }
} catch (error) {
  console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const chainName = (chainId: number) => findChain(chainId)?.name ?? `chain ${chainId}`;
console.log(
  [
    `Chains: ${demo.chains.map(({ chainId, url }) => `${chainName(chainId)} (${chainId}) at ${url}`).join(', ')}`,
    `Watch-only accounts: ${DEMO_ACCOUNTS.map(({ label, address }) => `${label} ${address}`).join(', ')}`,
    'Totals:',
    ...DEMO_TOKENS.map(
      (token) =>
        `  ${chainName(token.chainId)} ${token.symbol}${token.source === 'user' ? ' (look-alike, added as a user token)' : ''}: ${formatUnits(expectedTotal(token), token.decimals)}`,
    ),
    'Press Ctrl+C to stop.',
  ].join('\n'),
);

let stopping = false;
const stop = (reason: string, code: number) => {
  if (stopping) return;
  stopping = true;
  console.log(reason);
  demo.stop().then(
    () => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.once('SIGINT', () => stop('Stopping the demo…', 0));
process.once('SIGTERM', () => stop('Stopping the demo…', 0));
void demo.exited.then((reason) => stop(`The app stopped: ${reason}`, 1));
