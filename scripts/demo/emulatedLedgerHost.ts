// The browser host with an emulated Ledger plugged in: the demo's and the end-to-end tests' entry. The
// emulator is the test double from test/ledger (the Ethereum app at the APDU level, signing with the public
// test mnemonic); it never ships. LEDGER_EMULATOR_CONFIRM_MS is how long "the user" takes to press the
// buttons, so the signing overlay can be seen. DEMO_VALUE_SNAPSHOT_FLOOR_MS, when set, replaces the minute between
// two value snapshots of a series that moved, so the chart's end-to-end test need not wait out a real minute.
import { runBrowserHost } from '../../src/main/host/runBrowserHost';
import { LedgerDeviceSource } from '../../src/main/signers/ledger/ledgerDeviceSource';
import { EmulatedHidBus } from '../../test/ledger/emulatedHidBus';
import { LedgerEmulator } from '../../test/ledger/ledgerEmulator';

const bus = new EmulatedHidBus();
bus.plug(
  'emulated-ledger',
  new LedgerEmulator({
    model: 'Nano X',
    // Sends of tokens Ledger has signed descriptors for (the demo's USDC on chain 1) are clear-signed; revokes
    // and other contract calls carry data the Ethereum app signs only with blind signing on.
    blindSigning: true,
    confirmationDelayMs: Number(process.env.LEDGER_EMULATOR_CONFIRM_MS ?? 1500),
  }),
);
const floor = process.env.DEMO_VALUE_SNAPSHOT_FLOOR_MS;
const valueSnapshotFloorMs = floor === undefined ? undefined : Number(floor);
if (
  valueSnapshotFloorMs !== undefined &&
  !(Number.isSafeInteger(valueSnapshotFloorMs) && valueSnapshotFloorMs >= 0)
) {
  console.error(
    `DEMO_VALUE_SNAPSHOT_FLOOR_MS must be a number of milliseconds, not ${JSON.stringify(floor)}.`,
  );
  process.exit(2);
}
await runBrowserHost([new LedgerDeviceSource(bus)], { valueSnapshotFloorMs });
