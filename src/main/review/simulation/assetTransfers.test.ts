import { AbiCoder } from 'ethers/abi';
import { id } from 'ethers/hash';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../store/address';
import { MAX_BATCH_ITEMS, type TransferLog, transfersFromLogs } from './assetTransfers';

const abi = AbiCoder.defaultAbiCoder();
const ALICE = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const BOB = toChecksumAddress('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
const OPERATOR = toChecksumAddress('0x90F79bf6EB2c4f870365E785982E1f101E93b906');
const TOKEN = toChecksumAddress('0x5FbDB2315678afecb367f032d93F642f64180aa3');
const NATIVE = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';

const TRANSFER = id('Transfer(address,address,uint256)');
const SINGLE = id('TransferSingle(address,address,address,uint256,uint256)');
const BATCH = id('TransferBatch(address,address,address,uint256[],uint256[])');
const topic = (address: string) => `0x${address.slice(2).toLowerCase().padStart(64, '0')}`;
const word = (value: bigint) => `0x${value.toString(16).padStart(64, '0')}`;

describe('transfersFromLogs', () => {
  it('reads ERC-7528 native transfers, ERC-20 and ERC-721 Transfer by their topic count', () => {
    const logs: TransferLog[] = [
      { address: NATIVE, topics: [TRANSFER, topic(ALICE), topic(BOB)], data: word(10n ** 18n) },
      { address: TOKEN, topics: [TRANSFER, topic(ALICE), topic(BOB)], data: word(5n) },
      { address: TOKEN, topics: [TRANSFER, topic(BOB), topic(ALICE), word(42n)], data: '0x' },
    ];
    expect(transfersFromLogs(logs)).toEqual([
      { kind: 'native', token: null, from: ALICE, to: BOB, amount: 10n ** 18n, tokenId: null },
      { kind: 'erc20', token: TOKEN, from: ALICE, to: BOB, amount: 5n, tokenId: null },
      { kind: 'erc721', token: TOKEN, from: BOB, to: ALICE, amount: 1n, tokenId: 42n },
    ]);
  });

  it('reads ERC-1155 TransferSingle and TransferBatch, from and to after the operator', () => {
    const logs: TransferLog[] = [
      {
        address: TOKEN,
        topics: [SINGLE, topic(OPERATOR), topic(ALICE), topic(BOB)],
        data: abi.encode(['uint256', 'uint256'], [7n, 3n]),
      },
      {
        address: TOKEN,
        topics: [BATCH, topic(OPERATOR), topic(BOB), topic(ALICE)],
        data: abi.encode(
          ['uint256[]', 'uint256[]'],
          [
            [1n, 2n],
            [10n, 20n],
          ],
        ),
      },
    ];
    const erc1155 = { kind: 'erc1155', token: TOKEN };
    expect(transfersFromLogs(logs)).toEqual([
      { ...erc1155, from: ALICE, to: BOB, tokenId: 7n, amount: 3n },
      { ...erc1155, from: BOB, to: ALICE, tokenId: 1n, amount: 10n },
      { ...erc1155, from: BOB, to: ALICE, tokenId: 2n, amount: 20n },
    ]);
  });

  it('skips logs that do not have exactly their event shape, and keeps the rest', () => {
    const good: TransferLog = {
      address: TOKEN,
      topics: [TRANSFER, topic(ALICE), topic(BOB)],
      data: word(1n),
    };
    const dirtyTopic = `0x01${topic(ALICE).slice(4)}`;
    const batch = (ids: bigint[], amounts: bigint[]): TransferLog => ({
      address: TOKEN,
      topics: [BATCH, topic(OPERATOR), topic(ALICE), topic(BOB)],
      data: abi.encode(['uint256[]', 'uint256[]'], [ids, amounts]),
    });
    const long = Array.from({ length: MAX_BATCH_ITEMS + 1 }, (_, i) => BigInt(i));
    const malformed: TransferLog[] = [
      { ...good, topics: [TRANSFER, dirtyTopic, topic(BOB)] },
      { ...good, data: `${word(1n)}00` },
      { ...good, data: `${word(1n)}${word(2n)}` },
      { ...good, data: '0xzz' },
      { ...good, address: '0x1234' },
      { ...good, topics: [TRANSFER, topic(ALICE)] },
      { ...good, topics: [`${TRANSFER}00`, topic(ALICE), topic(BOB)] },
      { ...good, address: NATIVE, topics: [TRANSFER, topic(ALICE), topic(BOB), word(1n)], data: '0x' },
      { ...good, topics: [SINGLE, topic(OPERATOR), topic(ALICE), topic(BOB)], data: word(1n) },
      batch([1n, 2n], [1n]),
      batch(long, long),
      // A batch whose first array claims 2^64 items in a few words of data.
      { ...batch([], []), data: `${word(64n)}${word(96n)}${word(2n ** 64n)}${word(0n)}` },
      {
        address: TOKEN,
        topics: [id('Approval(address,address,uint256)'), topic(ALICE), topic(BOB)],
        data: word(1n),
      },
    ];
    expect(transfersFromLogs([...malformed, good])).toEqual([
      { kind: 'erc20', token: TOKEN, from: ALICE, to: BOB, amount: 1n, tokenId: null },
    ]);
  });

  it('never throws, whatever a node or contract sends', () => {
    const hex = (min: number, max: number) =>
      fc
        .uint8Array({ minLength: min, maxLength: max })
        .map((bytes) => `0x${Buffer.from(bytes).toString('hex')}`);
    const anyTopic = fc.oneof(fc.constantFrom(TRANSFER, SINGLE, BATCH), hex(32, 32), fc.string());
    const log = fc.record({
      address: fc.oneof(fc.constantFrom(TOKEN, NATIVE), hex(0, 24), fc.string()),
      topics: fc.array(anyTopic, { maxLength: 6 }),
      data: fc.oneof(hex(0, 400), fc.string()),
    });
    fc.assert(
      fc.property(fc.array(log, { maxLength: 10 }), (logs) => {
        expect(Array.isArray(transfersFromLogs(logs))).toBe(true);
      }),
    );
  });
});
