import { describe, expect, it } from 'vitest';
import { approvalToNoCode } from './approvalToNoCode';

const spender = {
  address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  name: 'Alice',
  source: 'address-book',
} as const;

describe('approvalToNoCode', () => {
  it('warns of a spender without code, by name', () => {
    const found = approvalToNoCode(spender, false);
    expect(found).toMatchObject({ code: 'approval-to-no-code', severity: 'warning' });
    expect(found?.message).toMatch(/^Alice, which would be allowed to spend your tokens, is not a contract/);
  });

  it('says nothing of a contract, or when the code was not read', () => {
    expect(approvalToNoCode(spender, true)).toBeNull();
    expect(approvalToNoCode(spender, null)).toBeNull();
  });
});
