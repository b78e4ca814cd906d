import { describe, expect, it } from 'vitest';
import { internalEntry, nftEntry, tokentxEntry, txlistEntry } from '../../../../test/history/providerServer';
import { toChecksumAddress } from '../../store/address';
import { decodeActivity } from '../decode/decodeActivity';
import { needsReceipt, parseRows, refsFromRows, type ExplorerRow } from './explorerRows';

const ACCOUNT = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';
const PEER = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc';
const TOKEN = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;
const transferInput = `0xa9059cbb${PEER.slice(2).padStart(64, '0')}${'0'.repeat(58)}4c4b40`;
const approveInput = `0x095ea7b3${PEER.slice(2).padStart(64, '0')}${'f'.repeat(64)}`;

function rows(action: Parameters<typeof parseRows>[0], list: Record<string, string>[]): ExplorerRow[] {
  const parsed = parseRows(action, list);
  if (!parsed) throw new Error(`${action} rows did not parse`);
  return parsed;
}

const own = (n: number, fields: Record<string, string> = {}) =>
  rows('txlist', [{ ...txlistEntry({ hash: hash(n), blockNumber: 100 + n, from: ACCOUNT }), ...fields }]);
const tokenRow = (n: number, fields: Record<string, string> = {}) =>
  rows('tokentx', [
    {
      ...tokentxEntry({ hash: hash(n), blockNumber: 100 + n, from: ACCOUNT, to: PEER }),
      contractAddress: TOKEN,
      value: '5000000',
      ...fields,
    },
  ]);

describe('needsReceipt', () => {
  it('reads a plain transfer, a failed call and a creation from the txlist row alone', () => {
    expect(needsReceipt(own(1))).toBe(false);
    expect(needsReceipt(own(2, { input: approveInput, isError: '1', txreceipt_status: '0' }))).toBe(false);
    expect(needsReceipt(own(3, { to: '', input: '0x6080', contractAddress: TOKEN, gasUsed: '300000' }))).toBe(
      false,
    );
  });

  it('reads a token transfer the account called on the token itself from the token list', () => {
    const call = own(4, { to: TOKEN, input: transferInput, gasUsed: '46109' });
    expect(needsReceipt([...call, ...tokenRow(4)])).toBe(false);
    // The same selector on another contract (a router) may have done anything else too.
    expect(needsReceipt([...call, ...tokenRow(4, { contractAddress: PEER })])).toBe(true);
  });

  it('needs the receipt where logs decide: calls, transfers that ran code, and others’ transactions', () => {
    expect(needsReceipt(own(5, { to: TOKEN, input: approveInput, gasUsed: '46364' }))).toBe(true);
    // Coin sent to a contract whose receive() ran (a bridge, a wrapper) costs more than 21,000 gas.
    expect(needsReceipt(own(6, { gasUsed: '45000' }))).toBe(true);
    expect(needsReceipt(tokenRow(7))).toBe(true);
    expect(
      needsReceipt(rows('txlistinternal', [internalEntry({ hash: hash(8), blockNumber: 108 }, 'etherscan')])),
    ).toBe(true);
  });
});

describe('refsFromRows', () => {
  it('makes a token transfer the account called whole, decoding as its receipt would', () => {
    const [ref] = refsFromRows(10, [
      ...own(4, { to: TOKEN, input: transferInput, gasUsed: '46109', value: '0' }),
      ...tokenRow(4),
    ]);
    expect(ref?.known).toBeUndefined();
    const decoded = decodeActivity(
      ref?.full as NonNullable<typeof ref>['full'] & object,
      toChecksumAddress(ACCOUNT),
      () => ({
        symbol: 'TUSD',
        decimals: 6,
      }),
    );
    expect(decoded).toMatchObject({
      kind: 'send',
      method: 'transfer',
      assets: [
        {
          standard: 'erc20',
          token: toChecksumAddress(TOKEN),
          amount: '5000000',
          direction: 'out',
          counterparty: toChecksumAddress(PEER),
        },
      ],
    });
  });

  it('keeps what the rows say of the rest, each hash once, in block order', () => {
    const list = [
      ...tokenRow(9),
      ...own(5, { to: TOKEN, input: approveInput, gasUsed: '46364' }),
      ...rows('tokennfttx', [nftEntry({ hash: hash(9), blockNumber: 109, to: ACCOUNT }, 'erc721')]),
    ];
    const refs = refsFromRows(10, list);
    expect(refs.map((ref) => [ref.hash, ref.blockNumber])).toEqual([
      [hash(5), 105],
      [hash(9), 109],
    ]);
    expect(refs[0]?.known?.transaction).toMatchObject({
      from: toChecksumAddress(ACCOUNT),
      input: approveInput,
    });
    expect(refs[1]?.known).toEqual({ timestamp: 1_700_000_000 + 109 * 12, blockHash: list[0]?.blockHash });
  });
});

describe('parseRows', () => {
  it('refuses a page with a row that is not in the documented format', () => {
    const good = txlistEntry({ hash: hash(1), blockNumber: 1 });
    expect(parseRows('txlist', [good])).toHaveLength(1);
    expect(parseRows('txlist', [good, { ...good, value: '-1' }])).toBeNull();
    expect(parseRows('txlist', [{ ...good, blockHash: undefined }])).toBeNull();
    expect(parseRows('txlist', [{ ...good, from: 'nobody' }])).toBeNull();
    expect(
      parseRows('tokentx', [{ ...tokentxEntry({ hash: hash(2), blockNumber: 2 }), contractAddress: '' }]),
    ).toBeNull();
    expect(parseRows('txlistinternal', [{ blockNumber: '3', timeStamp: '4' }])).toBeNull();
    expect(parseRows('txlist', 'Max calls per sec rate limit reached')).toBeNull();
  });
});
