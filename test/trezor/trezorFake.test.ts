import {
  DEVICE,
  DEVICE_EVENT,
  UI,
  UI_EVENT,
  UI_RESPONSE,
  type DeviceEventMessage,
  type UiEventMessage,
} from '@trezor/connect';
import { HDNodeWallet, Mnemonic, verifyMessage } from 'ethers';
import { describe, expect, it } from 'vitest';
import { TEST_MNEMONIC } from '../signing/fixtures';
import { TrezorConnectFake } from './trezorFake';

const FIRST = "m/44'/60'/0'/0/0";

function pluggedIn(options?: ConstructorParameters<typeof TrezorConnectFake>[0]) {
  const fake = new TrezorConnectFake(options);
  fake.plugIn();
  return fake;
}

describe('TrezorConnectFake', () => {
  it('derives the abandon wallet', async () => {
    const fake = pluggedIn();
    const response = await fake.ethereumGetAddress({ path: FIRST });
    expect(response).toMatchObject({
      success: true,
      payload: { address: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94' },
    });
  });

  it('answers a bundle in one call', async () => {
    const fake = pluggedIn();
    const paths = [FIRST, "m/44'/60'/0'/0/1"];
    const response = await fake.ethereumGetAddress({ bundle: paths.map((path) => ({ path })) });
    const expected = paths.map((path) => HDNodeWallet.fromPhrase(TEST_MNEMONIC, undefined, path).address);
    expect(response.success && response.payload.map((item) => item.address)).toEqual(expected);
    expect(fake.calls).toEqual(['ethereumGetAddress']);
  });

  it('signs a personal message that recovers to the account', async () => {
    const fake = pluggedIn();
    const response = await fake.ethereumSignMessage({ path: FIRST, message: '68656c6c6f', hex: true });
    if (!response.success) throw new Error(response.payload.error);
    expect(verifyMessage('hello', `0x${response.payload.signature}`)).toBe(response.payload.address);
  });

  it('announces plug and unplug, and stops telling a listener that went off', () => {
    const fake = new TrezorConnectFake({ label: 'Work' });
    const seen: DeviceEventMessage[] = [];
    const listener = (event: DeviceEventMessage) => seen.push(event);
    fake.on(DEVICE_EVENT, listener);
    fake.plugIn();
    fake.unplug();
    fake.off(DEVICE_EVENT, listener);
    fake.plugIn();
    expect(seen.map((event) => event.type)).toEqual([DEVICE.CONNECT, DEVICE.DISCONNECT]);
    expect(seen[0]?.payload).toMatchObject({ type: 'acquired', label: 'Work' });
  });

  it('asks for the PIN and accepts only the configured matrix answer', async () => {
    const fake = pluggedIn({ pin: '159' });
    fake.on(UI_EVENT, (event: UiEventMessage) => {
      if (event.type === UI.REQUEST_PIN) fake.uiResponse({ type: UI_RESPONSE.RECEIVE_PIN, payload: '951' });
    });
    expect(await fake.ethereumGetAddress({ path: FIRST })).toMatchObject({
      payload: { code: 'Failure_PinInvalid' },
    });
    fake.dispose();
    fake.on(UI_EVENT, (event: UiEventMessage) => {
      if (event.type === UI.REQUEST_PIN) fake.uiResponse({ type: UI_RESPONSE.RECEIVE_PIN, payload: '159' });
    });
    expect(await fake.ethereumGetAddress({ path: FIRST })).toMatchObject({ success: true });
  });

  it('opens a different wallet for a non-empty passphrase', async () => {
    const fake = pluggedIn({ passphrase: true });
    fake.on(UI_EVENT, (event: UiEventMessage) => {
      if (event.type === UI.REQUEST_PASSPHRASE) {
        fake.uiResponse({ type: UI_RESPONSE.RECEIVE_PASSPHRASE, payload: { value: 'secret', save: false } });
      }
    });
    const response = await fake.ethereumGetAddress({ path: FIRST });
    const hidden = HDNodeWallet.fromMnemonic(Mnemonic.fromPhrase(TEST_MNEMONIC, 'secret'), FIRST).address;
    expect(response).toMatchObject({ success: true, payload: { address: hidden } });
    expect(hidden).not.toBe('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
  });

  it('fails as a real device would: rejected, used elsewhere, unplugged', async () => {
    const fake = pluggedIn();
    fake.rejectNext();
    expect(await fake.ethereumSignMessage({ path: FIRST, message: 'hi' })).toMatchObject({
      payload: { code: 'Failure_ActionCancelled' },
    });
    fake.setUsedElsewhere(true);
    expect(await fake.getFeatures({})).toMatchObject({ payload: { code: 'Device_UsedElsewhere' } });
    fake.setUsedElsewhere(false);
    fake.unplug();
    expect(await fake.getFeatures({})).toMatchObject({ payload: { code: 'Device_NotFound' } });
  });

  it('reports the configured model', async () => {
    const fake = pluggedIn({ model: 'T1B1' });
    expect(await fake.getFeatures({})).toMatchObject({ payload: { internal_model: 'T1B1', model: '1' } });
  });
});
