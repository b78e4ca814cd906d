import { UI, UI_EVENT, UI_RESPONSE, type UiEventMessage } from '@trezor/connect';
import { HDNodeWallet, Signature, Transaction, TypedDataEncoder, hashMessage, recoverAddress } from 'ethers';
import { describe, expect, it } from 'vitest';
import { TEST_MNEMONIC, MAIL } from '../../../../test/signing/fixtures';
import { TrezorConnectFake, type TrezorFakeOptions } from '../../../../test/trezor/trezorFake';
import type { ChecksumAddress } from '../../store/address';
import { DeviceError } from '../../../shared/deviceError';
import type { SignatureParts, UnsignedTransaction } from '../signer';
import { TrezorSigner } from './trezorSigner';

const FIRST = "m/44'/60'/0'/0/0";
const FIRST_ADDRESS = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';

function setup(options: TrezorFakeOptions = {}) {
  const fake = new TrezorConnectFake(options);
  fake.plugIn();
  const signer = new TrezorSigner(fake, { path: fake.path, internalModel: options.model ?? 'T2T1' });
  return { fake, signer };
}

function expected(path: string): string {
  return HDNodeWallet.fromPhrase(TEST_MNEMONIC, undefined, path).address;
}

function recover(digest: string, parts: SignatureParts): string {
  return recoverAddress(digest, Signature.from({ r: parts.r, s: parts.s, yParity: parts.yParity }));
}

const recipient = '0x000000000000000000000000000000000000dEaD' as ChecksumAddress;

describe('TrezorSigner', () => {
  it('reads the first abandon address', async () => {
    const { signer } = setup();
    expect(await signer.getAddresses([FIRST])).toEqual([FIRST_ADDRESS]);
  });

  it.each([
    ['Ledger Live', (i: number) => `m/44'/60'/${i}'/0/0`],
    ['BIP44', (i: number) => `m/44'/60'/0'/0/${i}`],
    ['legacy', (i: number) => `m/44'/60'/0'/${i}`],
  ])('reads %s paths in one device call', async (_scheme, pathFor) => {
    const { fake, signer } = setup();
    const paths = [0, 1, 2, 5].map(pathFor);
    expect(await signer.getAddresses(paths)).toEqual(paths.map(expected));
    expect(fake.calls).toEqual(['ethereumGetAddress']);
  });

  it('shows an address on the device and waits for the button', async () => {
    const { fake, signer } = setup();
    const buttons: string[] = [];
    fake.on(UI_EVENT, (event: UiEventMessage) => buttons.push(event.type));
    expect(await signer.showAddress(FIRST)).toBe(FIRST_ADDRESS);
    expect(buttons).toEqual([UI.REQUEST_BUTTON]);
  });

  it('returns the public key and chain code of a node', async () => {
    const { signer } = setup();
    const key = await signer.getExtendedPublicKey("m/44'/60'/0'");
    const node = HDNodeWallet.fromPhrase(TEST_MNEMONIC, undefined, "m/44'/60'/0'");
    expect(Buffer.from(key.publicKey).toString('hex')).toBe(node.publicKey.slice(2));
    expect(Buffer.from(key.chainCode).toString('hex')).toBe(node.chainCode.slice(2));
  });

  const base = { nonce: 3, to: recipient, value: 12345n, data: '0xabcdef', gasLimit: 60_000n };
  it.each<[string, UnsignedTransaction]>([
    [
      'EIP-1559',
      { ...base, type: 2, chainId: 1n, maxFeePerGas: 40_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n },
    ],
    ['legacy on chain 1', { ...base, type: 0, chainId: 1n, gasPrice: 20_000_000_000n }],
    ['legacy on Sepolia', { ...base, type: 0, chainId: 11155111n, gasPrice: 20_000_000_000n }],
  ])('signs an %s transaction that recovers to the account', async (_name, transaction) => {
    const { signer } = setup();
    const parts = await signer.signTransaction(FIRST, transaction);
    const { type, ...fields } = transaction;
    const unsigned = Transaction.from({ ...fields, type, chainId: transaction.chainId });
    expect(recover(unsigned.unsignedHash, parts)).toBe(FIRST_ADDRESS);
    expect(parts.r).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('signs a personal message per EIP-191', async () => {
    const { signer } = setup();
    const message = new TextEncoder().encode('Sign in to Ledgerline');
    const parts = await signer.signPersonalMessage(FIRST, message);
    expect(recover(hashMessage(message), parts)).toBe(FIRST_ADDRESS);
  });

  it.each([
    ['T2T1', 'clear'],
    ['T1B1', 'hashed'],
  ] as const)('signs EIP-712 data on a %s (%s)', async (model, mode) => {
    const { signer } = setup({ model });
    const result = await signer.signTypedData(FIRST, MAIL);
    const { EIP712Domain: _domain, ...types } = MAIL.types;
    const digest = TypedDataEncoder.hash(MAIL.domain, types as never, MAIL.message);
    expect(recover(digest, result.signature)).toBe(FIRST_ADDRESS);
    expect(result.mode).toBe(mode);
  });

  it('probes firmware and typed-data support', async () => {
    const { signer } = setup({ model: 'T1B1', firmware: [1, 12, 1] });
    expect(await signer.probe()).toEqual({
      app: { name: 'Trezor firmware', version: '1.12.1' },
      blindSigning: null,
      clearSignsTypedData: false,
    });
  });

  it('waits for the PIN and the passphrase, then signs with the hidden wallet', async () => {
    const { fake, signer } = setup({ pin: '7415', passphrase: true });
    const asked: string[] = [];
    fake.on(UI_EVENT, (event: UiEventMessage) => {
      asked.push(event.type);
      if (event.type === UI.REQUEST_PIN) fake.uiResponse({ type: UI_RESPONSE.RECEIVE_PIN, payload: '7415' });
      if (event.type === UI.REQUEST_PASSPHRASE) {
        fake.uiResponse({ type: UI_RESPONSE.RECEIVE_PASSPHRASE, payload: { value: 'hidden', save: false } });
      }
    });
    const [address] = await signer.getAddresses([FIRST]);
    expect(asked).toEqual([UI.REQUEST_PIN, UI.REQUEST_PASSPHRASE]);
    expect(address).not.toBe(FIRST_ADDRESS);
    expect(await signer.getAddresses([FIRST])).toEqual([address]);
    expect(asked).toHaveLength(2);
  });

  it.each([
    ['rejected', (fake: TrezorConnectFake) => fake.rejectNext()],
    ['busy', (fake: TrezorConnectFake) => fake.failNext('Device_CallInProgress')],
    ['passphrase_requested', (fake: TrezorConnectFake) => fake.failNext('Device_InvalidState')],
    [
      'access_denied',
      (fake: TrezorConnectFake) => fake.failNext('Failure_UnknownCode', 'LIBUSB_ERROR_ACCESS'),
    ],
  ] as const)('fails as %s, and the next call works', async (state, arrange) => {
    const { fake, signer } = setup();
    arrange(fake);
    const failure = await signer
      .signPersonalMessage(FIRST, new Uint8Array([1]))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeviceError);
    expect((failure as DeviceError).state).toBe(state);
    expect(await signer.getAddresses([FIRST])).toEqual([FIRST_ADDRESS]);
  });

  it('fails as busy while another app holds the device, and works once it lets go', async () => {
    const { fake, signer } = setup();
    fake.setUsedElsewhere(true);
    await expect(signer.getAddresses([FIRST])).rejects.toMatchObject({ state: 'busy' });
    fake.setUsedElsewhere(false);
    expect(await signer.getAddresses([FIRST])).toEqual([FIRST_ADDRESS]);
  });

  it('fails as disconnected when unplugged mid-request, and works after replugging', async () => {
    const { fake, signer } = setup();
    fake.unplugDuringNext();
    await expect(signer.showAddress(FIRST)).rejects.toMatchObject({
      state: 'disconnected',
      code: 'device_unavailable',
    });
    await expect(signer.showAddress(FIRST)).rejects.toMatchObject({ state: 'disconnected' });
    fake.plugIn();
    expect(await signer.showAddress(FIRST)).toBe(FIRST_ADDRESS);
  });

  it('fails as locked on a wrong PIN and as rejected when the PIN prompt is dismissed', async () => {
    const { fake, signer } = setup({ pin: '1' });
    let answer: string | null = '2';
    fake.on(UI_EVENT, (event: UiEventMessage) => {
      if (event.type !== UI.REQUEST_PIN) return;
      if (answer === null) fake.cancel();
      else fake.uiResponse({ type: UI_RESPONSE.RECEIVE_PIN, payload: answer });
    });
    await expect(signer.getAddresses([FIRST])).rejects.toMatchObject({ state: 'locked', message: /wrong/ });
    answer = null;
    await expect(signer.getAddresses([FIRST])).rejects.toMatchObject({ state: 'rejected' });
    answer = '1';
    expect(await signer.getAddresses([FIRST])).toEqual([FIRST_ADDRESS]);
  });

  it('gives up on a request nobody answers after its timeout, cancelling it in TrezorConnect', async () => {
    const fake = new TrezorConnectFake({ pin: '1' });
    fake.plugIn();
    const signer = new TrezorSigner(fake, { path: fake.path, internalModel: 'T2T1' }, 50);
    // The PIN prompt is never answered, as when the user walks away.
    await expect(signer.getAddresses([FIRST])).rejects.toMatchObject({ state: 'error', message: /in time/ });
    fake.on(UI_EVENT, (event: UiEventMessage) => {
      if (event.type === UI.REQUEST_PIN) fake.uiResponse({ type: UI_RESPONSE.RECEIVE_PIN, payload: '1' });
    });
    expect(await signer.getAddresses([FIRST])).toEqual([FIRST_ADDRESS]);
  });

  it('ends the request in progress when the wallet cancels it', async () => {
    const { fake, signer } = setup({ pin: '1' });
    fake.on(UI_EVENT, (event: UiEventMessage) => {
      if (event.type === UI.REQUEST_PIN) signer.cancel();
    });
    await expect(signer.getAddresses([FIRST])).rejects.toMatchObject({ state: 'rejected' });
  });

  it('fails the request in progress and every later one once the source reports the device gone', async () => {
    const { fake, signer } = setup({ pin: '1' });
    fake.on(UI_EVENT, (event: UiEventMessage) => {
      if (event.type === UI.REQUEST_PIN) signer.disconnected();
    });
    await expect(signer.getAddresses([FIRST])).rejects.toMatchObject({ state: 'disconnected' });
    await expect(signer.getAddresses([FIRST])).rejects.toMatchObject({ state: 'disconnected' });
    expect(fake.calls).toEqual(['ethereumGetAddress']);
  });

  it('costs no device call for no paths', async () => {
    const { fake, signer } = setup();
    expect(await signer.getAddresses([])).toEqual([]);
    expect(fake.calls).toEqual([]);
  });
});
