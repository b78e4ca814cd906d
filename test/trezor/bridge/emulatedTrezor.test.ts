import { describe, expect, it } from 'vitest';
import { EmulatedTrezor } from './emulatedTrezor';
import type { WireMessage } from './trezorWire';

const FIRST = [0x8000002c, 0x8000003c, 0x80000000, 0, 0];
const getAddress: WireMessage = { type: 'EthereumGetAddress', message: { address_n: FIRST } };

describe('EmulatedTrezor', () => {
  it('describes itself in Features as a firmware of its model does', async () => {
    const trezor = new EmulatedTrezor({ model: 'T1B1', label: 'Spare', pin: '1', firmware: [1, 12, 1] });
    const { type, message } = await trezor.exchange({ type: 'GetFeatures', message: {} });
    expect(type).toBe('Features');
    expect(message).toMatchObject({
      internal_model: 'T1B1',
      model: '1',
      label: 'Spare',
      major_version: 1,
      pin_protection: true,
      unlocked: false,
    });
    // TrezorConnect refuses Features that carry bootloader_mode outside the bootloader.
    expect(message).not.toHaveProperty('bootloader_mode');
  });

  it('asks for the PIN before the seed is used, and fails a wrong one', async () => {
    const trezor = new EmulatedTrezor({ pin: '1234' });
    expect((await trezor.exchange(getAddress)).type).toBe('PinMatrixRequest');
    const wrong = await trezor.exchange({ type: 'PinMatrixAck', message: { pin: '4321' } });
    expect(wrong).toEqual({
      type: 'Failure',
      message: { code: 'Failure_PinInvalid', message: 'Invalid PIN' },
    });
    await trezor.exchange(getAddress);
    const right = await trezor.exchange({ type: 'PinMatrixAck', message: { pin: '1234' } });
    expect(right.type).toBe('EthereumAddress');
    expect((await trezor.exchange(getAddress)).type).toBe('EthereumAddress');
  });

  it('keeps the passphrase for its session and asks again in a new one', async () => {
    const trezor = new EmulatedTrezor({ passphrase: true });
    const features = await trezor.exchange({ type: 'Initialize', message: {} });
    const session = features.message.session_id;
    expect((await trezor.exchange(getAddress)).type).toBe('PassphraseRequest');
    const hidden = await trezor.exchange({ type: 'PassphraseAck', message: { passphrase: 'x' } });
    await trezor.exchange({ type: 'Initialize', message: { session_id: session } });
    expect(await trezor.exchange(getAddress)).toEqual(hidden);
    await trezor.exchange({ type: 'Initialize', message: {} });
    expect((await trezor.exchange(getAddress)).type).toBe('PassphraseRequest');
  });

  it('ends a flow on Cancel and on a refused button', async () => {
    const trezor = new EmulatedTrezor();
    const show = { type: 'EthereumGetAddress', message: { address_n: FIRST, show_display: true } };
    expect((await trezor.exchange(show)).type).toBe('ButtonRequest');
    expect((await trezor.exchange({ type: 'Cancel', message: {} })).message.code).toBe(
      'Failure_ActionCancelled',
    );
    trezor.rejectNext();
    await trezor.exchange(show);
    expect((await trezor.exchange({ type: 'ButtonAck', message: {} })).message.code).toBe(
      'Failure_ActionCancelled',
    );
  });

  it('holds a button request until the user presses, and a held one gives way to Cancel', async () => {
    const trezor = new EmulatedTrezor();
    const show = { type: 'EthereumGetAddress', message: { address_n: FIRST, show_display: true } };
    const shown = trezor.holdButtonRequests();
    await trezor.exchange(show);
    const answer = trezor.exchange({ type: 'ButtonAck', message: {} });
    await shown;
    expect(trezor.cancel()).toBeNull();
    expect((await answer).message.code).toBe('Failure_ActionCancelled');
  });

  it('answers a message it does not know as the firmware does', async () => {
    const trezor = new EmulatedTrezor();
    const answer = await trezor.exchange({ type: 'ChangeLanguage', message: {} });
    expect(answer.message.code).toBe('Failure_UnexpectedMessage');
  });
});
