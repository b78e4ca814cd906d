import { describe, expect, it } from 'vitest';
import { clearSignsTypedData, trezorModelName } from './trezorModel';

describe('trezorModel', () => {
  it('names models by their internal code', () => {
    expect(trezorModelName('T1B1')).toBe('Trezor Model One');
    expect(trezorModelName('T3T1')).toBe('Trezor Safe 5');
    expect(trezorModelName('XYZ1')).toBeNull();
    expect(trezorModelName(null)).toBeNull();
  });

  it('clear-signs typed data on every model but the Model One', () => {
    expect(clearSignsTypedData('T2T1')).toBe(true);
    expect(clearSignsTypedData('T3B1')).toBe(true);
    expect(clearSignsTypedData('T1B1')).toBe(false);
    expect(clearSignsTypedData('UNKNOWN')).toBe(false);
    expect(clearSignsTypedData(null)).toBe(false);
  });
});
