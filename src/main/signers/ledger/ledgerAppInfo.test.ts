import { describe, expect, it } from 'vitest';
import { LedgerEmulator } from '../../../../test/ledger/ledgerEmulator';
import {
  clearSignsTypedData,
  compareVersions,
  parseAppAndVersion,
  readOpenApp,
  requireEthereumApp,
} from './ledgerAppInfo';

describe('ledgerAppInfo', () => {
  it('parses the B0 01 answer', () => {
    const response = Buffer.from('0108457468657265756d06312e31332e3001029000', 'hex');
    expect(parseAppAndVersion(response)).toEqual({ name: 'Ethereum', version: '1.13.0' });
  });

  it('reads the open app from the device, dashboard included', async () => {
    expect(await readOpenApp(new LedgerEmulator({ app: { name: 'BOLOS', version: '1.1.2' } }))).toEqual({
      name: 'BOLOS',
      version: '1.1.2',
    });
  });

  it('clear-signs typed data from Ethereum 1.9.19 on', () => {
    expect(clearSignsTypedData('1.9.18')).toBe(false);
    expect(clearSignsTypedData('1.9.19')).toBe(true);
    expect(clearSignsTypedData('1.10.0-rc1')).toBe(true);
    expect(compareVersions('1.10.0', '1.9.99')).toBe(1);
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
  });

  it('turns the dashboard into app_closed and another app into wrong_app', () => {
    expect(() => requireEthereumApp({ name: 'Ethereum', version: '1.13.0' })).not.toThrow();
    expect(() => requireEthereumApp({ name: 'BOLOS', version: '1.1.2' })).toThrow(
      expect.objectContaining({ state: 'app_closed' }),
    );
    expect(() => requireEthereumApp({ name: 'Bitcoin', version: '2.2.3' })).toThrow(
      expect.objectContaining({ state: 'wrong_app', message: 'Bitcoin is open on the Ledger.' }),
    );
  });
});
