import { describe, expect, it } from 'vitest';
import { moneyWords, sumDecimals } from './money';

describe('sumDecimals', () => {
  it('adds exactly at the widest fraction, where floats would drift', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['43209.75', '864.195', '1500.099975'])).toBe('45574.044975');
    expect(sumDecimals(['90071992547409931.00000001', '1'])).toBe('90071992547409932.00000001');
    expect(sumDecimals(['12', '3'])).toBe('15');
    expect(sumDecimals(['0.5', '0.5'])).toBe('1');
    expect(sumDecimals([])).toBe('0');
  });
});

describe('moneyWords', () => {
  it('shows the currency’s minor unit, cut rather than rounded up, with every digit in the title', () => {
    expect(moneyWords('43209.759', 'USD')).toEqual({ text: '$43,209.75', title: '$43,209.759' });
    expect(moneyWords('1500.09997500', 'EUR')).toEqual({ text: '€1,500.09', title: '€1,500.099975' });
    expect(moneyWords('12', 'GBP')).toEqual({ text: '£12.00', title: '£12.00' });
    expect(moneyWords('99.99', 'CHF').text).toBe('CHF\u00a099.99');
  });

  it('gives JPY no minor unit', () => {
    expect(moneyWords('6543210.987', 'JPY')).toEqual({ text: '¥6,543,210', title: '¥6,543,210.987' });
  });

  it('keeps every integer digit of a value no float could hold', () => {
    expect(moneyWords('123456789012345678.12345678', 'USD').title).toBe('$123,456,789,012,345,678.12345678');
  });

  it('says a value below the minor unit is small, not zero', () => {
    expect(moneyWords('0.004', 'USD')).toEqual({ text: '< $0.01', title: '$0.004' });
    expect(moneyWords('0.5', 'JPY').text).toBe('< ¥1');
    expect(moneyWords('0', 'USD').text).toBe('$0.00');
  });
});
