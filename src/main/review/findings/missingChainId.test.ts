import { describe, expect, it } from 'vitest';
import { missingChainId } from './missingChainId';

describe('missingChainId', () => {
  it('warns when the signature names no chain', () => {
    expect(missingChainId(null)).toMatchObject({
      code: 'missing-chain-id',
      severity: 'warning',
      message: expect.stringContaining('replayed on every chain'),
    });
  });

  it('says nothing when it names one', () => {
    expect(missingChainId(1)).toBeNull();
  });
});
