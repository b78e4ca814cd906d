import type Transport from '@ledgerhq/hw-transport';
import { describe, expect, it } from 'vitest';
import { LedgerEmulator } from '../../../../test/ledger/ledgerEmulator';
import { DeviceError } from '../../../shared/deviceError';
import { LedgerConnection } from './ledgerConnection';

const ping = (transport: Transport) => transport.send(0xb0, 0x01, 0x00, 0x00);

describe('LedgerConnection', () => {
  it('uses a plain transport as it is', async () => {
    const emulator = new LedgerEmulator();
    const connection = new LedgerConnection(emulator);
    await connection.use(ping, 'configuration');
    expect(emulator.exchangeCount).toBe(1);
  });

  it('opens once, and again only after the transport died', async () => {
    const emulator = new LedgerEmulator();
    let opens = 0;
    const connection = new LedgerConnection(() => {
      opens += 1;
      return Promise.resolve(emulator);
    });
    await connection.use(ping, 'configuration');
    await connection.use(ping, 'configuration');
    expect(opens).toBe(1);
    emulator.unplug();
    await expect(connection.use(ping, 'configuration')).rejects.toMatchObject({ state: 'disconnected' });
    emulator.replug();
    await connection.use(ping, 'configuration');
    expect(opens).toBe(2);
  });

  it('reopens after the transport reports a disconnect', async () => {
    const emulator = new LedgerEmulator();
    let opens = 0;
    const connection = new LedgerConnection(() => {
      opens += 1;
      return Promise.resolve(emulator);
    });
    await connection.use(ping, 'configuration');
    emulator.emit('disconnect');
    await connection.use(ping, 'configuration');
    expect(opens).toBe(2);
  });

  it('keeps the transport after a status word and turns every failure into a DeviceError', async () => {
    const emulator = new LedgerEmulator();
    let opens = 0;
    const connection = new LedgerConnection(() => {
      opens += 1;
      return Promise.resolve(emulator);
    });
    emulator.lock();
    const error = await connection.use(ping, 'configuration').catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(DeviceError);
    expect((error as DeviceError).state).toBe('locked');
    emulator.unlock();
    await connection.use(ping, 'configuration');
    expect(opens).toBe(1);
  });

  it('reports a refused open, and tries again next time', async () => {
    let refuse = true;
    const connection = new LedgerConnection(() =>
      refuse ? Promise.reject(new Error('LIBUSB_ERROR_ACCESS')) : Promise.resolve(new LedgerEmulator()),
    );
    await expect(connection.use(ping, 'configuration')).rejects.toMatchObject({ state: 'access_denied' });
    refuse = false;
    await expect(connection.use(ping, 'configuration')).resolves.toBeInstanceOf(Buffer);
  });
});
