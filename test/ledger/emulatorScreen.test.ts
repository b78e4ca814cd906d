import { Interface, Transaction, keccak256 } from 'ethers';
import { describe, expect, it } from 'vitest';
import { transactionScreen } from './emulatorScreen';
import { ProvidedTokens } from './emulatorTokens';

const TOKEN = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const transfer = new Interface(['function transfer(address,uint256)']).encodeFunctionData('transfer', [
  ALICE,
  1n,
]);

function payload(fields: { to?: string | null; value?: bigint; data?: string; chainId?: bigint }): Buffer {
  const unsigned = Transaction.from({
    type: 0,
    chainId: fields.chainId ?? 1n,
    nonce: 0,
    gasPrice: 10_000_000_000n,
    gasLimit: 21_000n,
    to: fields.to === undefined ? ALICE : fields.to,
    value: fields.value ?? 0n,
    data: fields.data ?? '0x',
  }).unsignedSerialized;
  return Buffer.from(unsigned.slice(2), 'hex');
}

function withToken(): ProvidedTokens {
  const tokens = new ProvidedTokens();
  tokens.add({ ticker: 'USDC', address: TOKEN, decimals: 6, chainId: 1 });
  return tokens;
}

describe('transactionScreen', () => {
  it('shows a coin send as amount (ticker first), recipient and max fees, from the legacy gas price', () => {
    expect(transactionScreen(payload({ value: 10n ** 16n }), new ProvidedTokens())).toEqual({
      pairs: [
        { label: 'Amount', value: 'ETH 0.01' },
        { label: 'To', value: ALICE },
        { label: 'Max fees', value: 'ETH 0.00021' },
      ],
      blind: false,
    });
  });

  it('shows coin sent with data, the transaction hash, and a deployment as "Contract creation"', () => {
    const call = payload({ to: null, value: 1n, data: '0x6080' });
    expect(transactionScreen(call, new ProvidedTokens())).toEqual({
      pairs: [
        { label: 'Amount', value: 'ETH 0.000000000000000001' },
        { label: 'To', value: 'Contract creation' },
        { label: 'Max fees', value: 'ETH 0.00021' },
        { label: 'Transaction hash', value: keccak256(call) },
      ],
      blind: true,
    });
  });

  it('leaves a transfer of a provided token blind when coin is sent along or extra bytes follow', () => {
    expect(transactionScreen(payload({ to: TOKEN, data: transfer }), withToken()).blind).toBe(false);
    expect(transactionScreen(payload({ to: TOKEN, data: transfer, value: 1n }), withToken()).blind).toBe(
      true,
    );
    expect(transactionScreen(payload({ to: TOKEN, data: `${transfer}00` }), withToken()).blind).toBe(true);
  });

  it('names a chain outside its table by its id', () => {
    const pairs = transactionScreen(payload({ chainId: 31_337n }), new ProvidedTokens()).pairs;
    expect(pairs.at(-1)).toEqual({ label: 'Network', value: '31337' });
  });
});
