import { hardwareSources } from '../signers/hardwareSources';
import { runBrowserHost } from './runBrowserHost';

// Trezor Connect talks to Trezor's servers on start, so the dev host starts it only when asked.
await runBrowserHost(
  hardwareSources({
    trezor: process.env.WALLET_TREZOR === '1',
    trezorEmulator: process.env.TREZOR_EMULATOR === '1',
  }),
);
