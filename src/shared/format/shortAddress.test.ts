import { describe, expect, it } from 'vitest';
import { shortAddress } from './shortAddress';

describe('shortAddress', () => {
  it('keeps the start and the end', () => {
    expect(shortAddress('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48')).toBe('0xA0b8…eB48');
  });
});
