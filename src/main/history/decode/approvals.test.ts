import { Interface } from 'ethers/abi';
import { describe, expect, it } from 'vitest';
import { decodeApproval, isUnlimited } from './approvals';
import { ACCOUNT, OTHER, address, eventLog, numbered, rawTx } from '../../../../test/history/decodeFixtures';

const TOKEN = address('token');
const SPENDER = address('spender');
const ERC20 = new Interface([
  'event Approval(address indexed owner, address indexed spender, uint256 value)',
]);
const ERC721 = new Interface([
  'event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)',
]);

describe('decodeApproval', () => {
  it('calls unlimited the maximum uint256 and anything above 2^255, and nothing below', () => {
    expect(isUnlimited((1n << 256n) - 1n)).toBe(true);
    expect(isUnlimited((1n << 255n) + 1n)).toBe(true);
    expect(isUnlimited(1n << 255n)).toBe(false);
    expect(isUnlimited(0n)).toBe(false);
  });

  it('takes the last approval the account set on the token it called', () => {
    const tx = rawTx({
      to: TOKEN,
      logs: numbered([
        eventLog(ERC20, TOKEN, 'Approval', [ACCOUNT, SPENDER, 5n]),
        eventLog(ERC20, TOKEN, 'Approval', [ACCOUNT, SPENDER, 7n]),
      ]),
    });
    expect(decodeApproval(tx, ACCOUNT)).toEqual({
      token: TOKEN,
      spender: SPENDER,
      amount: 7n,
      unlimited: false,
    });
  });

  it("ignores others' approvals, per-token ERC-721 approvals, and failed or foreign transactions", () => {
    const log = eventLog(ERC20, TOKEN, 'Approval', [ACCOUNT, SPENDER, 5n]);
    expect(
      decodeApproval(
        rawTx({ to: TOKEN, logs: [eventLog(ERC20, TOKEN, 'Approval', [OTHER, SPENDER, 5n])] }),
        ACCOUNT,
      ),
    ).toBeNull();
    expect(
      decodeApproval(
        rawTx({ to: TOKEN, logs: [eventLog(ERC721, TOKEN, 'Approval', [ACCOUNT, SPENDER, 1n])] }),
        ACCOUNT,
      ),
    ).toBeNull();
    expect(decodeApproval(rawTx({ to: TOKEN, status: 'failed', logs: [log] }), ACCOUNT)).toBeNull();
    expect(decodeApproval(rawTx({ from: OTHER, to: TOKEN, logs: [log] }), ACCOUNT)).toBeNull();
  });
});
