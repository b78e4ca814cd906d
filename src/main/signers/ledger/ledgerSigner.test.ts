import { RecordStore, createTransportRecorder, openTransportReplayer } from '@ledgerhq/hw-transport-mocker';
import { Signature, Transaction, verifyMessage, verifyTypedData } from 'ethers';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectedAddress, MAIL, typesWithoutDomain } from '../../../../test/signing/fixtures';
import { LedgerEmulator, SW } from '../../../../test/ledger/ledgerEmulator';
import { toChecksumAddress } from '../../store/address';
import { DeviceError } from '../../../shared/deviceError';
import type { DeviceActivity, UnsignedTransaction } from '../signer';
import { LedgerSigner } from './ledgerSigner';

const PATH = "m/44'/60'/0'/0/0";
const RECIPIENT = toChecksumAddress('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');

function legacy(chainId: bigint, data = '0x'): UnsignedTransaction {
  return {
    type: 0,
    chainId,
    nonce: 7,
    to: RECIPIENT,
    value: 10n ** 15n,
    data,
    gasLimit: 21_000n,
    gasPrice: 3n * 10n ** 9n,
  };
}

const EIP1559: UnsignedTransaction = {
  type: 2,
  chainId: 1n,
  nonce: 3,
  to: RECIPIENT,
  value: 1n,
  data: '0x',
  gasLimit: 21_000n,
  maxFeePerGas: 40n * 10n ** 9n,
  maxPriorityFeePerGas: 2n * 10n ** 9n,
};

function senderOf(
  transaction: UnsignedTransaction,
  signature: { r: string; s: string; yParity: 0 | 1 },
): string | null {
  return Transaction.from({ ...transaction, signature: Signature.from(signature) }).from;
}

async function rejection(promise: Promise<unknown>): Promise<DeviceError> {
  const error = await promise.then(
    () => null,
    (cause: unknown) => cause,
  );
  expect(error).toBeInstanceOf(DeviceError);
  return error as DeviceError;
}

function setup(options: ConstructorParameters<typeof LedgerEmulator>[0] = {}) {
  const emulator = new LedgerEmulator(options);
  const activity: DeviceActivity[] = [];
  const signer = new LedgerSigner(emulator, (event) => activity.push(event));
  return { emulator, signer, activity };
}

describe('LedgerSigner addresses', () => {
  it('matches the known first address of the test mnemonic', async () => {
    const { signer } = setup();
    expect(await signer.getAddresses([PATH])).toEqual(['0x9858EfFD232B4033E47d90003D41EC34EcaEda94']);
  });

  it.each([
    ['Ledger Live', (i: number) => `m/44'/60'/${i}'/0/0`],
    ['BIP44', (i: number) => `m/44'/60'/0'/0/${i}`],
    ['legacy', (i: number) => `m/44'/60'/0'/${i}`],
  ])('derives %s paths as ethers does', async (_, pathAt) => {
    const { signer } = setup();
    const paths = [0, 1, 2, 5].map(pathAt);
    expect(await signer.getAddresses(paths)).toEqual(paths.map(expectedAddress));
  });

  it('reads a whole non-hardened branch in one exchange', async () => {
    const { signer, emulator } = setup();
    const paths = Array.from({ length: 20 }, (_, i) => `m/44'/60'/0'/0/${i}`);
    expect(await signer.getAddresses(paths)).toEqual(paths.map(expectedAddress));
    expect(emulator.exchangeCount).toBe(1);
  });

  it('costs one exchange for an extended public key', async () => {
    const { signer, emulator } = setup();
    const key = await signer.getExtendedPublicKey("m/44'/60'/0'");
    expect(key.publicKey).toHaveLength(33);
    expect(key.chainCode).toHaveLength(32);
    expect(emulator.exchangeLog).toEqual([{ cla: 0xe0, ins: 0x02, p1: 0x00, p2: 0x01 }]);
  });

  it('shows the address on the device and waits for the user', async () => {
    const { signer, emulator, activity } = setup();
    expect(await signer.showAddress(PATH)).toBe(expectedAddress(PATH));
    expect(emulator.exchangeLog).toEqual([{ cla: 0xe0, ins: 0x02, p1: 0x01, p2: 0x00 }]);
    expect(activity.map((event) => event.state)).toEqual(['awaiting_confirmation', 'ready']);
  });
});

describe('LedgerSigner signatures', () => {
  it.each([1n, 1337n, 11_155_111n])('signs a legacy transaction on chain %s', async (chainId) => {
    const { signer } = setup();
    for (const nonce of [0, 1, 2, 3]) {
      const transaction = { ...legacy(chainId), nonce };
      const signature = await signer.signTransaction(PATH, transaction);
      expect(senderOf(transaction, signature)).toBe(expectedAddress(PATH));
    }
  });

  it('signs an EIP-1559 transaction', async () => {
    const { signer, activity } = setup();
    const signature = await signer.signTransaction(PATH, EIP1559);
    expect(senderOf(EIP1559, signature)).toBe(expectedAddress(PATH));
    expect(activity[0]?.state).toBe('awaiting_confirmation');
  });

  it('signs a contract call in several chunks when blind signing is on', async () => {
    const { signer, emulator } = setup({ blindSigning: true });
    for (const transaction of [
      legacy(11_155_111n, `0x${'12'.repeat(600)}`),
      { ...EIP1559, data: `0x${'34'.repeat(600)}` },
    ]) {
      emulator.exchangeCount = 0;
      const signature = await signer.signTransaction(PATH, transaction);
      expect(senderOf(transaction, signature)).toBe(expectedAddress(PATH));
      expect(emulator.exchangeCount).toBeGreaterThan(2);
    }
  });

  it('signs a personal message, long ones in chunks', async () => {
    const { signer } = setup();
    for (const message of [
      new TextEncoder().encode('Sign in to Ledgerline'),
      new Uint8Array(700).fill(0x61),
    ]) {
      const signature = await signer.signPersonalMessage(PATH, message);
      expect(verifyMessage(message, Signature.from(signature))).toBe(expectedAddress(PATH));
    }
  });

  it('clear-signs typed data in full mode where the app supports it', async () => {
    const { signer, emulator } = setup();
    const { signature, mode } = await signer.signTypedData(PATH, MAIL);
    expect(mode).toBe('clear');
    expect(
      verifyTypedData(MAIL.domain, typesWithoutDomain(MAIL), MAIL.message, Signature.from(signature)),
    ).toBe(expectedAddress(PATH));
    expect(emulator.exchangeLog.some((entry) => entry.ins === 0x1a)).toBe(true);
  });

  it('signs typed data hashed on an app without full EIP-712 and says it is blind', async () => {
    const { signer, emulator, activity } = setup({ app: { name: 'Ethereum', version: '1.9.18' } });
    const { signature, mode } = await signer.signTypedData(PATH, MAIL, { allowHashed: true });
    expect(mode).toBe('hashed');
    expect(
      verifyTypedData(MAIL.domain, typesWithoutDomain(MAIL), MAIL.message, Signature.from(signature)),
    ).toBe(expectedAddress(PATH));
    expect(emulator.exchangeLog.map((entry) => entry.ins)).toEqual([0x01, 0x0c]);
    expect(activity.find((event) => event.state === 'awaiting_confirmation')?.detail).toMatch(/blind/i);
  });

  it('refuses hashed (blind) typed data without consent before the hashes reach the device', async () => {
    const { signer, emulator } = setup({ app: { name: 'Ethereum', version: '1.9.18' } });
    for (const options of [undefined, { allowHashed: false }]) {
      const error = await rejection(signer.signTypedData(PATH, MAIL, options));
      expect(error.state).toBe('blind_signing_required');
      expect(error.message).toMatch(/blind/i);
    }
    expect(emulator.exchangeLog.map((entry) => entry.ins)).toEqual([0x01, 0x01]);
  });
});

describe('LedgerSigner failures', () => {
  it.each([
    ['locked', (e: LedgerEmulator): void => e.lock(), 'locked'],
    ['locked (older firmware)', (e: LedgerEmulator): void => e.lock(SW.SECURITY_NOT_SATISFIED), 'locked'],
    ['rejected', (e: LedgerEmulator): void => void (e.answer = 'reject'), 'rejected'],
    [
      'rejected (0x5501)',
      (e: LedgerEmulator): void => {
        e.answer = 'reject';
        e.rejectStatus = SW.DENIED_NEWER;
      },
      'rejected',
    ],
    [
      'dashboard',
      (e: LedgerEmulator): void => void (e.app = { name: 'BOLOS', version: '1.1.2' }),
      'app_closed',
    ],
    ['locked (0x6b0c)', (e: LedgerEmulator): void => e.lock(SW.LOCKED_OLDER), 'locked'],
    ['no app open (0x6511)', (e: LedgerEmulator): void => e.failNext(SW.NO_APP_OPEN), 'app_closed'],
    [
      'wrong app',
      (e: LedgerEmulator): void => void (e.app = { name: 'Bitcoin', version: '2.2.3' }),
      'wrong_app',
    ],
    ['unplugged', (e: LedgerEmulator): void => e.unplug(), 'disconnected'],
  ] as const)('turns %s into its own state, then works again', async (_, fail, state) => {
    const { signer, emulator } = setup();
    const pristine = { app: emulator.app, answer: emulator.answer, rejectStatus: emulator.rejectStatus };
    fail(emulator);
    const error = await rejection(signer.signPersonalMessage(PATH, new Uint8Array([1, 2, 3])));
    expect(error.state).toBe(state);
    Object.assign(emulator, pristine);
    emulator.unlock();
    emulator.replug();
    const signature = await signer.signPersonalMessage(PATH, new Uint8Array([1, 2, 3]));
    expect(verifyMessage(new Uint8Array([1, 2, 3]), Signature.from(signature))).toBe(expectedAddress(PATH));
  });

  it.each([SW.CLA_NOT_SUPPORTED, SW.APP_NOT_OPEN, SW.APP_NOT_OPEN_INS, SW.INS_NOT_SUPPORTED, SW.NO_APP_OPEN])(
    'reads dashboard status 0x%s as the app being closed',
    async (status) => {
      const { signer } = setup({ app: { name: 'BOLOS', version: '1.1.2' }, dashboardStatus: status });
      expect((await rejection(signer.getAddresses([PATH]))).state).toBe('app_closed');
    },
  );

  it('asks for blind signing when a contract call meets the setting off', async () => {
    const { signer } = setup({ blindSigning: false });
    const error = await rejection(signer.signTransaction(PATH, legacy(1n, '0xa9059cbb')));
    expect(error.state).toBe('blind_signing_required');
    expect(error.remedy).toMatch(/Blind signing/);
  });

  it('fails with disconnected when unplugged while the user decides, until replugged', async () => {
    const { signer, emulator, activity } = setup({ confirmationDelayMs: 10_000 });
    const pending = signer.signTransaction(PATH, EIP1559);
    await vi.waitFor(() => expect(activity.at(-1)?.state).toBe('awaiting_confirmation'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    emulator.unplug();
    expect((await rejection(pending)).state).toBe('disconnected');
    expect((await rejection(signer.getAddresses([PATH]))).state).toBe('disconnected');
    emulator.replug();
    emulator.confirmationDelayMs = 0;
    expect(await signer.getAddresses([PATH])).toEqual([expectedAddress(PATH)]);
  });

  it('fails with disconnected when unplugged between chunks', async () => {
    const { signer, emulator } = setup({ blindSigning: true });
    emulator.unplugDuringExchange(2);
    const error = await rejection(
      signer.signTransaction(PATH, { ...EIP1559, data: `0x${'00'.repeat(400)}` }),
    );
    expect(error.state).toBe('disconnected');
    emulator.replug();
    expect(senderOf(EIP1559, await signer.signTransaction(PATH, EIP1559))).toBe(expectedAddress(PATH));
  });
});

describe('LedgerSigner probe', () => {
  it('reports the app, the blind-signing setting and full EIP-712 support', async () => {
    expect(await setup({ blindSigning: true }).signer.probe()).toEqual({
      app: { name: 'Ethereum', version: '1.13.0' },
      blindSigning: true,
      clearSignsTypedData: true,
    });
    expect(await setup({ app: { name: 'Ethereum', version: '1.9.18' } }).signer.probe()).toEqual({
      app: { name: 'Ethereum', version: '1.9.18' },
      blindSigning: false,
      clearSignsTypedData: false,
    });
  });

  it('names the dashboard as app_closed and another app as wrong_app', async () => {
    const dashboard = setup({ app: { name: 'BOLOS', version: '1.1.2' } });
    expect((await rejection(dashboard.signer.probe())).state).toBe('app_closed');
    const bitcoin = setup({ app: { name: 'Bitcoin', version: '2.2.3' } });
    const error = await rejection(bitcoin.signer.probe());
    expect(error.state).toBe('wrong_app');
    expect(error.message).toContain('Bitcoin');
  });
});

describe('LedgerSigner offline', () => {
  const spies: { mockRestore(): void }[] = [];
  beforeEach(() => {
    const refuse = (): never => {
      throw new Error('outbound network attempt');
    };
    spies.push(
      vi.spyOn(globalThis, 'fetch').mockImplementation(refuse),
      vi.spyOn(http, 'request').mockImplementation(refuse),
      vi.spyOn(http, 'get').mockImplementation(refuse),
      vi.spyOn(https, 'request').mockImplementation(refuse),
      vi.spyOn(https, 'get').mockImplementation(refuse),
      vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(refuse),
    );
  });
  afterEach(() => {
    for (const spy of spies.splice(0)) spy.mockRestore();
  });

  it('never reaches for the network while signing anything', async () => {
    const { signer } = setup({ blindSigning: true });
    await signer.signTransaction(PATH, EIP1559);
    await signer.signTransaction(PATH, { ...legacy(1n), data: '0xa9059cbb' + '00'.repeat(64) });
    await signer.signPersonalMessage(PATH, new Uint8Array([1]));
    await signer.signTypedData(PATH, MAIL);
    await setup({ app: { name: 'Ethereum', version: '1.9.18' } }).signer.signTypedData(PATH, MAIL, {
      allowHashed: true,
    });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe('LedgerSigner with recordings', () => {
  it('replays a hw-transport-mocker recording unchanged', async () => {
    const emulator = new LedgerEmulator();
    const store = new RecordStore();
    const Recorder = createTransportRecorder(emulator, store);
    const recording = new LedgerSigner(new Recorder(emulator));
    const address = await recording.getAddresses([PATH]);
    const signature = await recording.signTransaction(PATH, EIP1559);
    const typed = await recording.signTypedData(PATH, MAIL);

    const replayed = RecordStore.fromString(store.toString());
    const replay = new LedgerSigner(await openTransportReplayer(replayed));
    expect(await replay.getAddresses([PATH])).toEqual(address);
    expect(await replay.signTransaction(PATH, EIP1559)).toEqual(signature);
    expect(await replay.signTypedData(PATH, MAIL)).toEqual(typed);
    replayed.ensureQueueEmpty();
  });
});
