import { Interface } from 'ethers/abi';
import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../store/address';
import { buildRevoke, buildRevokes } from './revoke';

const erc20 = new Interface(['function approve(address spender, uint256 amount) returns (bool)']);
const TOKEN = toChecksumAddress('0x5FbDB2315678afecb367f032d93F642f64180aa3');
const SPENDER = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const OTHER = toChecksumAddress('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');

describe('buildRevoke', () => {
  it('calls approve(spender, 0) on the token, sending no value', () => {
    expect(buildRevoke(TOKEN, SPENDER)).toEqual({
      to: TOKEN,
      data: erc20.encodeFunctionData('approve', [SPENDER, 0n]),
      value: 0n,
    });
  });
});

describe('buildRevokes', () => {
  it('builds one transaction per allowance, in the order given', () => {
    const calls = buildRevokes([
      { token: TOKEN, spender: SPENDER },
      { token: OTHER, spender: SPENDER },
      { token: TOKEN, spender: OTHER },
    ]);
    expect(calls.map(({ to, data }) => [to, erc20.decodeFunctionData('approve', data).toArray()])).toEqual([
      [TOKEN, [SPENDER, 0n]],
      [OTHER, [SPENDER, 0n]],
      [TOKEN, [OTHER, 0n]],
    ]);
  });
});
