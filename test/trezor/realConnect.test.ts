import { HDNodeWallet, Signature, Transaction, TypedDataEncoder, hashMessage, recoverAddress } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../src/shared/deviceError';
import { AccountDiscovery } from '../../src/main/signers/accountDiscovery';
import type { ConnectedDevice } from '../../src/main/signers/deviceSource';
import type { SignatureParts, UnsignedTransaction } from '../../src/main/signers/signer';
import { TrezorDeviceSource } from '../../src/main/signers/trezor/trezorDeviceSource';
import type { TrezorSigner } from '../../src/main/signers/trezor/trezorSigner';
import type { ChecksumAddress } from '../../src/main/store/address';
import { expectedAddress, MAIL, TEST_MNEMONIC, typesWithoutDomain } from '../signing/fixtures';
import { EmulatedTrezor, type EmulatedTrezorOptions } from './bridge/emulatedTrezor';
import { blockOutboundNetwork, type NetworkGuard } from './bridge/networkGuard';
import { recordingListener, type RecordingListener } from './bridge/recordingListener';
import { TestTrezorBridge } from './bridge/testBridge';

/*
 * The wallet's Trezor code against the real @trezor/connect, its real BridgeTransport and protobuf codec,
 * talking HTTP to the test bridge on 127.0.0.1. Only the device at the end of the wire is emulated.
 */

const FIRST = "m/44'/60'/0'/0/0";
const recipient = '0x000000000000000000000000000000000000dEaD' as ChecksumAddress;

const bridge = new TestTrezorBridge();
let source: TrezorDeviceSource;
let listener: RecordingListener;
let guard: NetworkGuard;

beforeAll(async () => {
  guard = blockOutboundNetwork();
  const port = await bridge.start();
  source = new TrezorDeviceSource({ bridgePort: port });
  listener = recordingListener();
  await source.start(listener);
});

afterAll(async () => {
  await source.stop();
  await bridge.stop();
  guard.restore();
});

/** Plugs a fresh emulated Trezor in and waits until the wallet announces it; unplugs it after `run`. */
async function withTrezor(
  options: EmulatedTrezorOptions,
  run: (device: ConnectedDevice, trezor: EmulatedTrezor) => Promise<void>,
): Promise<void> {
  const trezor = new EmulatedTrezor(options);
  bridge.plugIn(trezor);
  const device = await listener.nextAttached();
  try {
    await run(device, trezor);
  } finally {
    bridge.unplug();
    await listener.nextDetached();
  }
}

function recover(digest: string, parts: SignatureParts): string {
  return recoverAddress(digest, Signature.from({ r: parts.r, s: parts.s, yParity: parts.yParity }));
}

async function rejection(promise: Promise<unknown>): Promise<DeviceError> {
  const error: unknown = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DeviceError);
  return error as DeviceError;
}

describe('discovery', () => {
  it('announces the Trezor with its id, model and label, and probes its firmware', async () => {
    await withTrezor({ label: 'Office' }, async (device) => {
      expect(device).toMatchObject({ id: 'EMULATED0000000000000001', kind: 'trezor', label: 'Office' });
      expect(device.model).toMatch(/Model T/);
      await expect(device.probe()).resolves.toEqual({
        app: { name: 'Trezor firmware', version: '2.8.7' },
        blindSigning: null,
        clearSignsTypedData: true,
      });
    });
  });

  it.each(['ledger-live', 'bip44', 'legacy'] as const)(
    'finds the %s accounts of the test mnemonic',
    async (scheme) => {
      await withTrezor({}, async (device) => {
        const discovery = new AccountDiscovery(device.signer, () => Promise.resolve([]));
        const paths = {
          'ledger-live': (i: number) => `m/44'/60'/${i}'/0/0`,
          bip44: (i: number) => `m/44'/60'/0'/0/${i}`,
          legacy: (i: number) => `m/44'/60'/0'/${i}`,
        }[scheme];
        await expect(discovery.addresses(scheme, [0, 1, 7])).resolves.toEqual(
          [0, 1, 7].map(paths).map(expectedAddress),
        );
      });
    },
  );

  it('reads an extended public key that matches the mnemonic', async () => {
    await withTrezor({}, async (device) => {
      const key = await device.signer.getExtendedPublicKey("m/44'/60'/0'");
      const node = HDNodeWallet.fromPhrase(TEST_MNEMONIC, undefined, "m/44'/60'/0'");
      expect(Buffer.from(key.publicKey).toString('hex')).toBe(node.publicKey.slice(2));
      expect(Buffer.from(key.chainCode).toString('hex')).toBe(node.chainCode.slice(2));
    });
  });
});

describe('signing', () => {
  // 2.5 KB of calldata: after the first 1 KB in the request, the device asks for the rest in two chunks.
  const data = `0xa9059cbb${'ab'.repeat(2500)}`;
  const base = { nonce: 3, to: recipient, value: 12345n, data, gasLimit: 60_000n };
  it.each<[string, UnsignedTransaction]>([
    [
      'EIP-1559',
      { ...base, type: 2, chainId: 1n, maxFeePerGas: 40_000_000_000n, maxPriorityFeePerGas: 10n ** 9n },
    ],
    ['legacy', { ...base, type: 0, chainId: 1n, gasPrice: 20_000_000_000n }],
    ['legacy on Sepolia', { ...base, type: 0, chainId: 11155111n, gasPrice: 20_000_000_000n }],
  ])('signs an %s transaction with chunked data that recovers to the account', async (_name, transaction) => {
    await withTrezor({}, async (device, trezor) => {
      const parts = await device.signer.signTransaction(FIRST, transaction);
      const unsigned = Transaction.from({ ...transaction });
      expect(recover(unsigned.unsignedHash, parts)).toBe(expectedAddress(FIRST));
      expect(trezor.received.filter((type) => type === 'EthereumTxAck')).toHaveLength(2);
    });
  });

  it('signs a personal message', async () => {
    await withTrezor({}, async (device) => {
      const message = new TextEncoder().encode('Sign in to Ledgerline');
      const parts = await device.signer.signPersonalMessage(FIRST, message);
      expect(recover(hashMessage(message), parts)).toBe(expectedAddress(FIRST));
    });
  });

  it('signs typed data on a Model T, which asks for every struct and value and hashes them itself', async () => {
    await withTrezor({}, async (device, trezor) => {
      const signed = await device.signer.signTypedData(FIRST, MAIL);
      const digest = TypedDataEncoder.hash(MAIL.domain, typesWithoutDomain(MAIL), MAIL.message);
      expect(recover(digest, signed.signature)).toBe(expectedAddress(FIRST));
      expect(signed.mode).toBe('clear');
      expect(trezor.received).toContain('EthereumTypedDataValueAck');
      expect(trezor.received).not.toContain('EthereumSignTypedHash');
    });
  });

  it('signs typed data from its hashes on a Model One', async () => {
    await withTrezor({ model: 'T1B1' }, async (device, trezor) => {
      const signed = await device.signer.signTypedData(FIRST, MAIL);
      const digest = TypedDataEncoder.hash(MAIL.domain, typesWithoutDomain(MAIL), MAIL.message);
      expect(recover(digest, signed.signature)).toBe(expectedAddress(FIRST));
      expect(signed.mode).toBe('hashed');
      expect(trezor.received).toContain('EthereumSignTypedHash');
    });
  });
});

describe('PIN, passphrase and refusals', () => {
  it('asks for the PIN through the source and signs once it is entered', async () => {
    await withTrezor({ pin: '1234' }, async (device) => {
      const signing = device.signer.signPersonalMessage(FIRST, new Uint8Array([1, 2, 3]));
      const id = await listener.nextActivity('pin_requested');
      source.answer(id, 'pin', '1234');
      const parts = await signing;
      expect(recover(hashMessage(new Uint8Array([1, 2, 3])), parts)).toBe(expectedAddress(FIRST));
    });
  });

  it('reports a wrong PIN as locked', async () => {
    await withTrezor({ pin: '1234' }, async (device) => {
      const reading = rejection(device.signer.getAddresses([FIRST]));
      source.answer(await listener.nextActivity('pin_requested'), 'pin', '9999');
      expect((await reading).state).toBe('locked');
    });
  });

  it('opens the wallet the passphrase names', async () => {
    await withTrezor({ passphrase: true }, async (device) => {
      const reading = device.signer.getAddresses([FIRST]);
      source.answer(await listener.nextActivity('passphrase_requested'), 'passphrase', 'TREZOR');
      const hidden = HDNodeWallet.fromPhrase(TEST_MNEMONIC, 'TREZOR', FIRST).address;
      await expect(reading).resolves.toEqual([hidden]);
    });
  });

  it('reports a cancelled passphrase as rejected', async () => {
    await withTrezor({ passphrase: true }, async (device) => {
      const reading = rejection(device.signer.getAddresses([FIRST]));
      source.answer(await listener.nextActivity('passphrase_requested'), 'passphrase', null);
      expect((await reading).state).toBe('rejected');
    });
  });

  it('reports a refusal on the device as rejected', async () => {
    await withTrezor({}, async (device, trezor) => {
      trezor.rejectNext();
      const error = await rejection(device.signer.signPersonalMessage(FIRST, new Uint8Array([1])));
      expect(error.state).toBe('rejected');
    });
  });

  it('reports the cable coming out mid-sign as disconnected', async () => {
    const trezor = new EmulatedTrezor();
    bridge.plugIn(trezor);
    const device = await listener.nextAttached();
    const shown = trezor.holdButtonRequests();
    const signing = rejection(device.signer.signPersonalMessage(FIRST, new Uint8Array([1])));
    await shown;
    bridge.unplug();
    expect((await signing).state).toBe('disconnected');
    await expect(listener.nextDetached()).resolves.toBe(device.id);
  });
});

describe('another application', () => {
  it('reports the Trezor as busy while another application holds it', async () => {
    await withTrezor({}, async (device) => {
      bridge.setUsedElsewhere(true);
      // Held elsewhere, the Trezor cannot say who it is: it is withdrawn and shown as busy under its USB path.
      await expect(listener.nextDetached()).resolves.toBe(device.id);
      await listener.nextActivity('busy');
      // TrezorConnect keeps it "used" after the other application lets go, hence the advice to replug.
      expect(listener.activities.at(-1)?.activity.detail).toMatch(/replug/);
    });
  });
});

describe('cancel', () => {
  it('ends a request waiting on the device when the wallet cancels it, and the next one works', async () => {
    await withTrezor({}, async (device, trezor) => {
      const shown = trezor.holdButtonRequests();
      const signing = rejection(device.signer.signPersonalMessage(FIRST, new Uint8Array([1])));
      await shown;
      (device.signer as TrezorSigner).cancel();
      expect((await signing).state).toBe('rejected');
      trezor.press();
      await expect(device.signer.getAddresses([FIRST])).resolves.toEqual([expectedAddress(FIRST)]);
    });
  });
});

describe('no Trezor', () => {
  it('fails a call for a Trezor that is gone as disconnected instead of waiting for it', async () => {
    const trezor = new EmulatedTrezor();
    bridge.plugIn(trezor);
    const device = await listener.nextAttached();
    bridge.unplug();
    await listener.nextDetached();
    const started = Date.now();
    expect((await rejection(device.signer.getAddresses([FIRST]))).state).toBe('disconnected');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

it('went nowhere but the test bridge, save the Ethereum definitions TrezorConnect fetches when signing', () => {
  expect(guard.attempts.filter((attempt) => attempt !== 'data.trezor.io:443')).toEqual([]);
});
