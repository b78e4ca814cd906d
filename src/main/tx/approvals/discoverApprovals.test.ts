import { describe, expect, it } from 'vitest';
import { addressTopic, TOPIC } from '../../rpc/logScan';
import { latestApprovals } from './discoverApprovals';

const OWNER = addressTopic('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
const SPENDER = addressTopic('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const ROUTER = addressTopic('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
const TOKEN = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const OTHER = '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512';

let next = 0;
function log(address: string, spender: string, block: number, logIndex = 0, extra: string[] = []) {
  next += 1;
  return {
    address,
    topics: [TOPIC.approval, OWNER, spender, ...extra],
    blockNumber: BigInt(block),
    logIndex: BigInt(logIndex),
    transactionHash: `0x${next.toString(16).padStart(64, '0')}`,
  };
}

describe('latestApprovals', () => {
  it('keeps the latest approval per token and spender, newest first', () => {
    const first = log(TOKEN, SPENDER, 5);
    const sameBlockLater = log(TOKEN, SPENDER, 9, 3);
    const sameBlockEarlier = log(TOKEN, SPENDER, 9, 1);
    const router = log(TOKEN, ROUTER, 7);
    const otherToken = log(OTHER, SPENDER, 2);
    expect(latestApprovals([first, sameBlockLater, router, sameBlockEarlier, otherToken])).toEqual([
      sameBlockLater,
      router,
      otherToken,
    ]);
  });

  it('treats a token address in any case as one token', () => {
    const older = log(TOKEN.toUpperCase().replace('0X', '0x'), SPENDER, 1);
    const newer = log(TOKEN, SPENDER, 2);
    expect(latestApprovals([newer, older])).toEqual([newer]);
  });

  it('skips ERC-721 approvals, which index the token id as a fourth topic', () => {
    const nft = log(OTHER, SPENDER, 4, 0, [`0x${'07'.padStart(64, '0')}`]);
    expect(latestApprovals([nft])).toEqual([]);
  });

  it('skips a spender topic that is no address and logs of other events', () => {
    const garbage = { ...log(TOKEN, SPENDER, 3), topics: [TOPIC.approval, OWNER, `0x${'ff'.repeat(32)}`] };
    const transfer = { ...log(TOKEN, SPENDER, 3), topics: [TOPIC.transfer, OWNER, SPENDER] };
    expect(latestApprovals([garbage, transfer])).toEqual([]);
  });
});
