import { describe, expect, it } from 'vitest';
import { isCustomChain } from './customChain';

describe('isCustomChain', () => {
  it('tells the networks this build ships from the ones the user added', () => {
    expect(isCustomChain({ id: 1 })).toBe(false);
    expect(isCustomChain({ id: 42161 })).toBe(false);
    expect(isCustomChain({ id: 777 })).toBe(true);
  });
});
