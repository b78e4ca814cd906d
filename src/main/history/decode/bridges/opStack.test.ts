import { id } from 'ethers/hash';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  OTHER,
  address,
  eventLog,
  numbered,
  rawTx,
} from '../../../../../test/history/decodeFixtures';
import {
  L2_STANDARD_BRIDGE,
  L2_TO_L1_MESSAGE_PASSER,
  OP_STACK_ABI,
  OP_STACK_L1_CONTRACTS,
  decodeOpStack,
  depositTransactionHash,
} from './opStack';

const BASE = OP_STACK_L1_CONTRACTS[8453] as { portal: string; standardBridge: string };
const LEGACY_ETH = '0xDeadDeAddeAddEAddeadDEaDDEAdDeaDDeAD0000';

// A real deposit on Ethereum mainnet and the L2 transaction hash it became (viem's test vector).
const REAL_DEPOSIT = {
  from: '0x1a1E021A302C237453D3D45c7B82B19cEEB7E2e6',
  opaqueData:
    '0x00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000045000000000000520800',
  blockHash: '0x634c52556471c589f42db9131467e0c9484f5c73049e32d1a74e2a4ce0f91d57',
  logIndex: 109,
  l2Hash: '0x0a60b983815ed475c5919609025204a479654d93afc610feca7d99ae0befc329',
};

describe('decodeOpStack', () => {
  it('computes the L2 hash of a deposit exactly as the chain does', () => {
    const log = eventLog(
      OP_STACK_ABI,
      BASE.portal,
      'TransactionDeposited',
      [REAL_DEPOSIT.from, REAL_DEPOSIT.from, 0n, REAL_DEPOSIT.opaqueData],
      REAL_DEPOSIT.logIndex,
    );
    const event = OP_STACK_ABI.parseLog(log);
    expect(event && depositTransactionHash(REAL_DEPOSIT.blockHash, { log, event })).toBe(REAL_DEPOSIT.l2Hash);
  });

  it('keys an ETH deposit by the L2 transaction that finalizes it', () => {
    const deposit = rawTx({
      chainId: 1,
      blockHash: REAL_DEPOSIT.blockHash,
      logs: numbered(
        [
          eventLog(OP_STACK_ABI, BASE.standardBridge, 'ETHDepositInitiated', [ACCOUNT, ACCOUNT, 69n, '0x']),
          eventLog(OP_STACK_ABI, BASE.portal, 'TransactionDeposited', [
            REAL_DEPOSIT.from,
            REAL_DEPOSIT.from,
            0n,
            REAL_DEPOSIT.opaqueData,
          ]),
        ],
        REAL_DEPOSIT.logIndex - 1,
      ),
    });
    const finalized = rawTx({
      chainId: 8453,
      hash: REAL_DEPOSIT.l2Hash,
      from: OTHER,
      logs: [
        eventLog(OP_STACK_ABI, L2_STANDARD_BRIDGE, 'DepositFinalized', [
          `0x${'00'.repeat(20)}`,
          LEGACY_ETH,
          ACCOUNT,
          ACCOUNT,
          69n,
          '0x',
        ]),
      ],
    });
    const key = `op-stack:8453:deposit:${REAL_DEPOSIT.l2Hash}`;
    expect(decodeOpStack(deposit).map((c) => c.leg)).toEqual([
      {
        protocol: 'op-stack',
        role: 'source',
        key,
        fromChainId: 1,
        toChainId: 8453,
        token: null,
        amount: 69n,
      },
    ]);
    expect(decodeOpStack(finalized).map((c) => c.leg)).toEqual([
      {
        protocol: 'op-stack',
        role: 'destination',
        key,
        fromChainId: 1,
        toChainId: 8453,
        token: null,
        amount: 69n,
      },
    ]);
  });

  it('keys an ERC-20 withdrawal by its withdrawal hash on both chains', () => {
    const l1Token = address('l1 token');
    const l2Token = address('l2 token');
    const withdrawalHash = id('withdrawal');
    const initiated = rawTx({
      chainId: 10,
      logs: numbered([
        eventLog(OP_STACK_ABI, L2_STANDARD_BRIDGE, 'WithdrawalInitiated', [
          l1Token,
          l2Token,
          ACCOUNT,
          ACCOUNT,
          5n,
          '0x',
        ]),
        eventLog(OP_STACK_ABI, L2_TO_L1_MESSAGE_PASSER, 'MessagePassed', [
          1n,
          OTHER,
          OTHER,
          0n,
          0n,
          '0x',
          withdrawalHash,
        ]),
      ]),
    });
    const portal = (OP_STACK_L1_CONTRACTS[10] as { portal: string }).portal;
    const bridge = (OP_STACK_L1_CONTRACTS[10] as { standardBridge: string }).standardBridge;
    const finalized = rawTx({
      chainId: 1,
      logs: numbered([
        eventLog(OP_STACK_ABI, bridge, 'ERC20WithdrawalFinalized', [
          l1Token,
          l2Token,
          ACCOUNT,
          ACCOUNT,
          5n,
          '0x',
        ]),
        eventLog(OP_STACK_ABI, portal, 'WithdrawalFinalized', [withdrawalHash, true]),
      ]),
    });
    const key = `op-stack:10:withdrawal:${withdrawalHash}`;
    expect(decodeOpStack(initiated)[0]?.leg).toEqual({
      protocol: 'op-stack',
      role: 'source',
      key,
      fromChainId: 10,
      toChainId: 1,
      token: l2Token,
      amount: 5n,
    });
    expect(decodeOpStack(finalized)[0]?.leg).toEqual({
      protocol: 'op-stack',
      role: 'destination',
      key,
      fromChainId: 10,
      toChainId: 1,
      token: l1Token,
      amount: 5n,
    });
  });

  it('decodes no deposit without the portal message that gives it its id', () => {
    const lonely = rawTx({
      chainId: 1,
      logs: [
        eventLog(OP_STACK_ABI, BASE.standardBridge, 'ETHDepositInitiated', [ACCOUNT, ACCOUNT, 1n, '0x']),
      ],
    });
    expect(decodeOpStack(lonely)).toEqual([]);
    expect(decodeOpStack(rawTx({ chainId: 137 }))).toEqual([]);
  });
});
