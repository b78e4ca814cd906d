import { afterAll, beforeAll, expect, it } from 'vitest';
import { TrezorDeviceSource } from '../../src/main/signers/trezor/trezorDeviceSource';
import { expectedAddress } from '../signing/fixtures';
import { EmulatedTrezor } from './bridge/emulatedTrezor';
import { blockOutboundNetwork, type NetworkGuard } from './bridge/networkGuard';
import { TestTrezorBridge } from './bridge/testBridge';
import { recordingListener } from './bridge/recordingListener';

const bridge = new TestTrezorBridge();
let guard: NetworkGuard;

beforeAll(() => {
  guard = blockOutboundNetwork();
});
afterAll(async () => {
  guard.restore();
  await bridge.stop();
});

it('starts TrezorConnect, finds the Trezor and reads an address without any connection off this machine', async () => {
  const port = await bridge.start();
  bridge.plugIn(new EmulatedTrezor());
  const source = new TrezorDeviceSource({ bridgePort: port });
  const listener = recordingListener();
  await source.start(listener);
  const device = await listener.nextAttached();
  const path = "m/44'/60'/0'/0/0";
  await expect(device.signer.getAddresses([path])).resolves.toEqual([expectedAddress(path)]);
  await source.stop();

  expect(guard.attempts).toEqual([]);
  // The guard is live: it refuses and records a connection to anywhere else.
  await expect(fetch('https://data.trezor.io/firmware/config/releases.v1.json')).rejects.toThrow();
  expect(guard.attempts).toEqual(['data.trezor.io:443']);
});

it('starts and stops promptly with no Bridge and no Trezor, announcing nothing', async () => {
  // A port that was just free: nothing answers there.
  const probe = new TestTrezorBridge();
  const port = await probe.start();
  await probe.stop();
  const source = new TrezorDeviceSource({ bridgePort: port });
  const listener = recordingListener();
  const attemptsBefore = guard.attempts.length;
  const started = Date.now();
  await source.start(listener);
  await source.stop();
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(listener.attachedDevices).toEqual([]);
  expect(listener.activities).toEqual([]);
  expect(guard.attempts.slice(attemptsBefore)).toEqual([]);
});
