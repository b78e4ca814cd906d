import { describe, expect, it } from 'vitest';
import { describeRequest, type RequestView } from '../../src/companion/core/requestView';
import { NOW, signRequest } from './signRequestFixture';
import { phoneScreen } from '../../src/main/review/device/phoneScreen';
import type { ScreenInput } from '../../src/main/review/device/screenInput';
import {
  ALICE,
  UNLISTED_TOKEN,
  USDC,
  approveData,
  ethSend,
  tokenTransferAction,
  transferData,
  usdcSend,
} from '../review/deviceScreenFixtures';

/**
 * The rows the companion's request card (src/companion/ui/RequestCard.tsx) renders from the phone's own
 * decoding, as label/value text: the phone's words, to hold phoneScreen to.
 */
function cardRows(view: RequestView, sendsValue: boolean): { label: string; value: string }[] {
  const { call } = view;
  const alsoSends = sendsValue ? [{ label: 'Also sends', value: view.value }] : [];
  const rows = (() => {
    switch (call.kind) {
      case 'transfer':
        return [
          { label: 'Amount', value: view.value },
          { label: 'To', value: view.to ?? '' },
        ];
      case 'token_transfer':
        return [
          { label: 'Amount', value: call.amount },
          { label: 'To', value: call.recipient },
          { label: 'Token', value: `${call.token.symbol ?? 'Unknown token'} ${call.token.address}` },
          ...alsoSends,
        ];
      case 'token_approve':
        return [
          { label: 'Allowance', value: call.amount },
          { label: 'Spender', value: call.spender },
          { label: 'Token', value: `${call.token.symbol ?? 'Unknown token'} ${call.token.address}` },
          ...alsoSends,
        ];
      case 'contract_call':
        return [
          { label: 'Contract', value: view.to ?? '' },
          { label: 'Method', value: call.selector },
          ...alsoSends,
        ];
      default:
        throw new Error(`no card rows written for ${call.kind} in this test`);
    }
  })();
  return [
    { label: 'Network', value: view.chain.name },
    ...rows,
    { label: 'Max fee', value: view.feeCeiling },
  ];
}

/** The same transaction as the phone receives it: 21 000 gas at 21 gwei, the fixtures' 0.000441 ETH. */
function phoneView(input: ScreenInput): RequestView {
  const { to, value, data } = input.transaction;
  const request = signRequest(
    {},
    { to, value: value.toString(), data, gasLimit: '21000', maxFeePerGas: '21000000000' },
  );
  return describeRequest(request, NOW);
}

const MAX_UINT256 = (1n << 256n) - 1n;

describe('phoneScreen against the companion', () => {
  const cases: [string, ScreenInput][] = [
    ['a coin send', ethSend('phone', 1_500_000_000_000_000_000n)],
    ['a USDC send', usdcSend('phone')],
    [
      'a transfer of a token neither knows',
      {
        ...usdcSend('phone'),
        action: tokenTransferAction(UNLISTED_TOKEN, 5n, ''),
        transaction: { to: UNLISTED_TOKEN, value: 0n, data: transferData(ALICE, 5n) },
      },
    ],
    [
      'an unlimited approval',
      {
        ...usdcSend('phone'),
        action: {
          type: 'approval',
          token: { address: USDC, name: 'USDC', source: 'token-list' },
          spender: { address: ALICE, name: null, source: 'none' },
          amount: { value: MAX_UINT256.toString(), decimals: 6, symbol: 'USDC', unlimited: true },
        },
        transaction: { to: USDC, value: 0n, data: approveData(ALICE, MAX_UINT256) },
      },
    ],
    [
      'a call it cannot decode, with coin',
      { ...usdcSend('phone'), transaction: { to: USDC, value: 7n, data: '0x12345678' } },
    ],
  ];

  it.each(cases)('shows %s in the same rows and words as the request card', (_, input) => {
    const view = phoneView(input);
    expect(phoneScreen(input).lines).toEqual(cardRows(view, input.transaction.value > 0n));
  });
});
