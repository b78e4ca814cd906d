import { TransportStatusError } from '@ledgerhq/hw-transport';
import {
  DisconnectedDevice,
  DisconnectedDeviceDuringOperation,
  TransportOpenUserCancelled,
  TransportRaceCondition,
} from '@ledgerhq/errors';
import { createTransportRecorder, openTransportReplayer, RecordStore } from '@ledgerhq/hw-transport-mocker';
import { describe, expect, it } from 'vitest';
import { LedgerEmulator } from '../../../../test/ledger/ledgerEmulator';
import { MAIL } from '../../../../test/signing/fixtures';
import { DeviceError } from '../../../shared/deviceError';
import type { DeviceState } from '../../../shared/devices';
import { toChecksumAddress } from '../../store/address';
import type { UnsignedTransaction } from '../signer';
import { LedgerSigner } from './ledgerSigner';
import { type LedgerCommand, toDeviceError, UDEV_REMEDY } from './ledgerStatus';

const PATH = "m/44'/60'/0'/0/0";

const TRANSFER: UnsignedTransaction = {
  type: 2,
  chainId: 1n,
  nonce: 3,
  to: toChecksumAddress('0x9858EfFD232B4033E47d90003D41EC34EcaEda94'),
  value: 1n,
  data: '0x',
  gasLimit: 21_000n,
  maxFeePerGas: 40n * 10n ** 9n,
  maxPriorityFeePerGas: 2n * 10n ** 9n,
};

/** Each command as the signer sends it; the recording of a successful run is what the replays start from. */
const COMMANDS: Record<LedgerCommand, (signer: LedgerSigner) => Promise<unknown>> = {
  address: (signer) => signer.showAddress(PATH),
  configuration: (signer) => signer.probe(),
  transaction: (signer) => signer.signTransaction(PATH, TRANSFER),
  'contract-call': (signer) => signer.signTransaction(PATH, { ...TRANSFER, data: '0xa9059cbb' }),
  'personal-message': (signer) => signer.signPersonalMessage(PATH, new Uint8Array([1, 2, 3])),
  'typed-data': (signer) => signer.signTypedData(PATH, MAIL),
};

/** What every command makes of each status word Ledger publishes for this path. */
const COMMON: [number, DeviceState][] = [
  [0x6985, 'rejected'],
  [0x5501, 'rejected'],
  [0x5515, 'locked'],
  [0x6b0c, 'locked'],
  [0x6982, 'locked'],
  [0x6d00, 'app_closed'],
  [0x6511, 'app_closed'],
  [0x6e00, 'app_closed'],
  [0x6e01, 'app_closed'],
  [0x6d02, 'app_closed'],
  [0x6a15, 'wrong_app'],
  [0x6a80, 'error'],
  [0x6501, 'error'],
  [0x6b00, 'error'],
];

/** Where a command reads a word its own way. */
const OWN: Partial<Record<LedgerCommand, Record<number, DeviceState>>> = {
  transaction: { 0x6501: 'outdated_app' },
  'contract-call': { 0x6a80: 'blind_signing_required', 0x6501: 'outdated_app' },
  'typed-data': { 0x6d00: 'outdated_app' },
};

const recordings = new Map<LedgerCommand, [string, string][]>();

async function recording(command: LedgerCommand): Promise<[string, string][]> {
  const known = recordings.get(command);
  if (known) return known;
  const emulator = new LedgerEmulator({ blindSigning: true });
  const store = new RecordStore();
  const Recorder = createTransportRecorder(emulator, store);
  await COMMANDS[command](new LedgerSigner(new Recorder(emulator)));
  recordings.set(command, store.queue);
  return store.queue;
}

/** Replays the device's recorded answers to `command`, its last answer replaced by `status`. */
async function answered(command: LedgerCommand, status: number): Promise<DeviceError> {
  const queue = await recording(command);
  const [last] = queue.slice(-1);
  if (!last) throw new Error('nothing recorded');
  const replay = new RecordStore([...queue.slice(0, -1), [last[0], status.toString(16).padStart(4, '0')]]);
  const signer = new LedgerSigner(await openTransportReplayer(replay));
  const error = await COMMANDS[command](signer).then(
    () => null,
    (cause: unknown) => cause,
  );
  replay.ensureQueueEmpty();
  expect(error).toBeInstanceOf(DeviceError);
  return error as DeviceError;
}

describe('Ledger status words, replayed per command through hw-transport-mocker', () => {
  const cases = (Object.keys(COMMANDS) as LedgerCommand[]).flatMap((command) =>
    COMMON.map(
      ([status, state]) =>
        [command, `0x${status.toString(16)}`, OWN[command]?.[status] ?? state, status] as const,
    ),
  );

  it.each(cases)('%s answered %s is %s', async (command, _hex, state, status) => {
    const error = await answered(command, status);
    expect(error.state).toBe(state);
    expect(error.message).not.toBe('');
  });

  it('asks for blind signing only for contract data; elsewhere 0x6a80 is invalid data', async () => {
    expect((await answered('contract-call', 0x6a80)).remedy).toMatch(/enable Blind signing/);
    for (const command of ['transaction', 'address', 'personal-message', 'typed-data'] as const) {
      const error = await answered(command, 0x6a80);
      expect(error.message).toMatch(/invalid data/);
      expect(error.remedy ?? '').not.toMatch(/Blind signing/);
    }
  });
});

describe('toDeviceError', () => {
  it.each([
    [new DisconnectedDevice(), 'disconnected'],
    [new DisconnectedDeviceDuringOperation(), 'disconnected'],
    [new TransportRaceCondition(), 'busy'],
    [new TransportOpenUserCancelled(), 'disconnected'],
  ] as const)('maps transport error %s', (cause, state) => {
    const error = toDeviceError(cause, 'address');
    expect(error.state).toBe(state);
    expect(error.cause).toBe(cause);
  });

  it("reads hw-app-eth's rename of 0x6a80 by the command, as the status word itself", () => {
    const renamed = Object.assign(new Error('x'), { name: 'EthAppPleaseEnableContractData' });
    expect(toDeviceError(renamed, 'contract-call').state).toBe('blind_signing_required');
    expect(toDeviceError(renamed, 'transaction').state).toBe('error');
  });

  it.each([
    'EACCES: permission denied, open /dev/hidraw3',
    'LIBUSB_ERROR_ACCESS',
    'cannot open device with path /dev/hidraw3',
  ])('maps Linux access errors (%s) to access_denied with the udev fix', (message) => {
    const error = toDeviceError(new Error(message), 'configuration');
    expect(error.state).toBe('access_denied');
    expect(error.code).toBe('device_unavailable');
    expect(error.remedy).toBe(UDEV_REMEDY);
  });

  it('names the shipped rules file and every command of the udev fix', () => {
    expect(UDEV_REMEDY).toContain('resources/linux/udev/51-ledgerline-ledger.rules');
    expect(UDEV_REMEDY).toContain('/etc/udev/rules.d/');
    expect(UDEV_REMEDY).toContain('udevadm control --reload-rules');
    expect(UDEV_REMEDY).toContain('udevadm trigger');
    expect(UDEV_REMEDY).toMatch(/unplug/);
  });

  it('keeps an unknown failure as a generic device error and passes a DeviceError through', () => {
    const unknown = toDeviceError(new Error('boom'), 'address');
    expect(unknown.state).toBe('error');
    expect(unknown.message).toContain('boom');
    expect(toDeviceError(unknown, 'address')).toBe(unknown);
    expect(toDeviceError(new TransportStatusError(0x1234), 'address').state).toBe('error');
  });

  it('gives a rejection the rejected code', () => {
    expect(toDeviceError(new TransportStatusError(0x6985), 'personal-message').code).toBe('device_rejected');
  });
});
