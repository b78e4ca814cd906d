import { AbiCoder, MaxUint256 } from 'ethers';
import { describe, expect, it } from 'vitest';
import { describeRequest } from './requestView';
import { RequestError, type SignRequestMessage } from './signRequest';
import { ALICE, NOW, signRequest } from '../../../test/companion/signRequestFixture';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const abi = AbiCoder.defaultAbiCoder();
const call = (selector: string, types: string[], values: unknown[]) =>
  selector + abi.encode(types, values).slice(2);

const request = signRequest;
const codes = (view: ReturnType<typeof describeRequest>) => view.warnings.map((w) => w.code);

describe('describeRequest', () => {
  it('shows a plain transfer in the chain’s coin, with the fee ceiling and time left', () => {
    const view = describeRequest(request(), NOW);
    expect(view).toMatchObject({
      desktop: 'Work laptop',
      chain: { id: 1, name: 'Ethereum', symbol: 'ETH', known: true },
      networkDiffers: false,
      to: ALICE,
      value: '1.5 ETH',
      method: 'Send ETH',
      call: { kind: 'transfer' },
      feeCeiling: '0.00063 ETH',
      expiresInSeconds: 290,
      expired: false,
      warnings: [],
    });
  });

  it('uses the gas price of a legacy transaction for the fee ceiling', () => {
    const legacy = request({ chainId: 137, desktopChainId: 137 }, {});
    legacy.tx = {
      type: 0,
      nonce: 1,
      to: ALICE,
      value: '0',
      data: '0x',
      gasLimit: '21000',
      gasPrice: '100000000000',
    };
    expect(describeRequest(legacy, NOW)).toMatchObject({ feeCeiling: '0.0021 POL', value: '0.0 POL' });
  });

  it('names an unknown chain by its id and warns', () => {
    const view = describeRequest(request({ chainId: 12345, desktopChainId: 12345 }), NOW);
    expect(view.chain).toEqual({ id: 12345, name: 'Chain 12345', symbol: 'native coin', known: false });
    expect(codes(view)).toEqual(['unknown_chain']);
  });

  it('tells the user when the desktop is on another network than the request', () => {
    const view = describeRequest(request({ chainId: 8453, desktopChainId: 1 }), NOW);
    expect(view.networkDiffers).toBe(true);
    expect(view.desktopNetwork).toEqual({ id: 1, name: 'Ethereum' });
    expect(view.warnings).toEqual([
      { code: 'network_differs', message: 'The desktop is on Ethereum, but this request is for Base.' },
    ]);
  });

  it('decodes a transfer of a known token with its decimals', () => {
    const data = call('0xa9059cbb', ['address', 'uint256'], [BOB, 12_500_000n]);
    const view = describeRequest(request({}, { to: USDC, value: '0', data, gasLimit: '65000' }), NOW);
    expect(view.method).toBe('Token transfer');
    expect(view.call).toEqual({
      kind: 'token_transfer',
      recipient: BOB,
      token: { address: USDC, symbol: 'USDC', decimals: 6 },
      amount: '12.5 USDC',
      rawAmount: '12500000',
    });
    expect(view.warnings).toEqual([]);
  });

  it('shows an unknown token by address and raw amount', () => {
    const data = call('0xa9059cbb', ['address', 'uint256'], [BOB, 42n]);
    const view = describeRequest(request({}, { to: ALICE, value: '0', data }), NOW);
    expect(view.call).toMatchObject({ token: { address: ALICE, symbol: null }, amount: '42 (raw units)' });
    expect(codes(view)).toEqual(['unknown_token']);
  });

  it('flags an unlimited approval', () => {
    const data = call('0x095ea7b3', ['address', 'uint256'], [BOB, MaxUint256]);
    const view = describeRequest(request({}, { to: USDC, value: '0', data }), NOW);
    expect(view.call).toMatchObject({
      kind: 'token_approve',
      spender: BOB,
      unlimited: true,
      amount: 'Unlimited USDC',
    });
    expect(codes(view)).toEqual(['unlimited_approval']);
  });

  it('decodes transferFrom and collection-wide approvals', () => {
    const from = call('0x23b872dd', ['address', 'address', 'uint256'], [ALICE, BOB, 10n ** 18n]);
    const dai = '0x6B175474E89094C44Da98b954EedeAC495271d0F';
    expect(describeRequest(request({}, { to: dai, value: '0', data: from }), NOW).call).toMatchObject({
      kind: 'token_transfer_from',
      from: ALICE,
      recipient: BOB,
      amount: '1.0 DAI',
    });
    const all = call('0xa22cb465', ['address', 'bool'], [BOB, true]);
    const view = describeRequest(request({}, { to: ALICE, value: '0', data: all }), NOW);
    expect(view.call).toEqual({ kind: 'approval_for_all', collection: ALICE, operator: BOB, approved: true });
    expect(codes(view)).toEqual(['approval_for_all']);
  });

  it('names other calls by their selector', () => {
    const view = describeRequest(request({}, { data: '0x12345678abcd' }), NOW);
    expect(view.method).toBe('Contract call 0x12345678');
    expect(view.warnings).toEqual([]);
  });

  it('warns about contract creation', () => {
    const view = describeRequest(request({}, { to: null, value: '0', data: '0x6080604052' }), NOW);
    expect(view).toMatchObject({
      to: null,
      call: { kind: 'contract_creation' },
      method: 'Create a contract',
    });
    expect(codes(view)).toEqual(['contract_creation']);
  });

  it('warns instead of guessing when a known selector has malformed arguments', () => {
    const short = '0xa9059cbb' + '00'.repeat(40);
    const dirty = '0xa9059cbb' + 'ff'.repeat(32) + '00'.repeat(32);
    const trailing = call('0xa9059cbb', ['address', 'uint256'], [BOB, 1n]) + '00'.repeat(32);
    const badBool = '0xa22cb465' + abi.encode(['address', 'uint256'], [BOB, 2n]).slice(2);
    for (const data of [short, dirty, trailing, badBool, '0xa905']) {
      const view = describeRequest(request({}, { to: USDC, value: '0', data }), NOW);
      expect(view.call.kind).toBe('contract_call');
      expect(codes(view)).toContain('unreadable_call');
    }
  });

  it('warns about coin sent with a token call, the zero address, high fees and expiry', () => {
    const data = call('0xa9059cbb', ['address', 'uint256'], [BOB, 1n]);
    expect(codes(describeRequest(request({}, { to: USDC, data }), NOW))).toEqual(['value_with_token_call']);
    expect(
      codes(describeRequest(request({}, { to: '0x0000000000000000000000000000000000000000' }), NOW)),
    ).toEqual(['zero_address']);
    const absurd = describeRequest(
      request({}, { gasLimit: '30000000', maxFeePerGas: MaxUint256.toString() }),
      NOW,
    );
    expect(codes(absurd)).toEqual(['high_fee']);
    const late = describeRequest(request(), NOW + 300_000);
    expect(late).toMatchObject({ expired: true, expiresInSeconds: 0 });
    expect(codes(late)).toEqual(['expired']);
  });

  it('throws a RequestError, not a crash, for input that skipped validation', () => {
    const broken = { ...request(), tx: { ...request().tx, value: '-1' } } as SignRequestMessage;
    expect(() => describeRequest(broken, NOW)).toThrow(RequestError);
    expect(() => describeRequest({} as SignRequestMessage, NOW)).toThrow(/cannot read/);
  });
});
