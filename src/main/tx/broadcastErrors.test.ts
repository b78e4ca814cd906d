import { describe, expect, it } from 'vitest';
import { readsAsSentence } from '../../shared/api/userErrors';
import { RpcError, type RpcErrorCode } from '../rpc/rpcError';
import { explainRpcError } from './broadcastErrors';

const ETH = { symbol: 'ETH', decimals: 18 };

/** A JSON-RPC error answer as RpcClient reports it. */
function refused(method: string, nodeText: string, code = -32000): RpcError {
  return new RpcError('rpc', `127.0.0.1:39383 refused ${method}: ${nodeText} (code ${code}).`, {
    chainId: 31337,
    host: '127.0.0.1:39383',
    rpcCode: code,
  });
}

describe('explainRpcError', () => {
  it.each([
    // geth, Erigon, Reth; Anvil; Nethermind.
    [
      'eth_sendRawTransaction',
      'insufficient funds for gas * price + value: address 0xf39F have 1 want 2',
      'invalid_request',
      /cannot pay/,
    ],
    [
      'eth_sendRawTransaction',
      'Insufficient funds for gas * price + value',
      'invalid_request',
      /Lower the amount or add funds\.$/,
    ],
    [
      'eth_estimateGas',
      'InsufficientFunds, Balance is 5 less than sending value + gas 7',
      'invalid_request',
      /cannot pay/,
    ],
    ['eth_sendRawTransaction', 'nonce too low: address 0xf39F, tx: 5 state: 7', 'conflict', /same nonce/],
    ['eth_sendRawTransaction', 'nonce too high', 'invalid_state', /earlier transaction/],
    ['eth_sendRawTransaction', 'replacement transaction underpriced', 'conflict', /Raise the fee/],
    [
      'eth_sendRawTransaction',
      'max fee per gas less than block base fee: address 0xf39F, maxFeePerGas: 1, baseFee: 7',
      'invalid_request',
      /below what the network charges/,
    ],
    [
      'eth_sendRawTransaction',
      'transaction underpriced',
      'invalid_request',
      /below what the network charges/,
    ],
    ['eth_sendRawTransaction', 'intrinsic gas too low', 'invalid_request', /gas limit is too low/],
    ['eth_sendRawTransaction', 'already known', 'conflict', /already has this transaction/],
    ['eth_sendRawTransaction', 'exceeds block gas limit', 'invalid_request', /more gas than a block/],
    [
      'eth_sendRawTransaction',
      'intrinsic gas too high -- tx.gas_limit > env.block.gas_limit',
      'invalid_request',
      /more gas than a block/,
    ],
    [
      'eth_estimateGas',
      'execution reverted: ERC20: transfer amount exceeds balance',
      'invalid_request',
      /would fail/,
    ],
    ['eth_call', 'execution reverted', 'invalid_request', /would fail/],
    ['eth_estimateGas', 'gas required exceeds allowance (30000000)', 'invalid_request', /would fail/],
    ['eth_sendRawTransaction', 'tip higher than fee cap', 'invalid_request', /priority fee is above/],
    [
      'eth_sendRawTransaction',
      'tx fee (1.20 ether) exceeds the configured cap (1.00 ether)',
      'invalid_request',
      /Lower the fee/,
    ],
    ['eth_getLogs', 'query returned more than 10000 results', 'chain_unavailable', /refused this request/],
  ])('%s refused with %j is %s, in a sentence saying what to do', (method, text, code, sentence) => {
    const explained = explainRpcError(refused(method, text), ETH);
    expect(explained.code).toBe(code);
    expect(explained.message).toMatch(sentence);
    expect(readsAsSentence(explained.message)).toBe(true);
    expect(explained.message).not.toContain(text);
    expect(explained.message).not.toContain('127.0.0.1');
  });

  it('says the balance and the need in the chain’s coin when the node gives them', () => {
    const error = refused(
      'eth_sendRawTransaction',
      'insufficient funds for gas * price + value: address 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 have 1200000000000000000 want 99999001000000000000000',
    );
    expect(explainRpcError(error, ETH).message).toBe(
      'The account cannot pay for this: it holds 1.2 ETH and needs 99,999.001 ETH. Lower the amount or add funds.',
    );
    expect(explainRpcError(error, { symbol: 'xDAI', decimals: 18 }).message).toContain('1.2 xDAI');
    // Without the coin the figures cannot be put in words, so the sentence stays general.
    expect(explainRpcError(error).message).toMatch(/^The account cannot pay for this: its balance/);
  });

  it('reads only the node’s words, never the host it came from', () => {
    const error = new RpcError('rpc', 'reverted.example refused eth_call: header not found (code -32000).', {
      chainId: 1,
      host: 'reverted.example',
    });
    expect(explainRpcError(error, ETH).code).toBe('chain_unavailable');
  });

  it.each<[RpcErrorCode, string, RegExp]>([
    ['timeout', 'chain_unavailable', /did not answer/],
    ['network', 'chain_unavailable', /did not answer/],
    ['http', 'chain_unavailable', /did not answer/],
    ['bad_response', 'chain_unavailable', /did not answer/],
    ['unavailable', 'chain_unavailable', /did not answer/],
    ['rate_limited', 'chain_unavailable', /limiting requests/],
    ['chain_mismatch', 'chain_unavailable', /different chain/],
    ['aborted', 'cancelled', /closing/],
  ])('an endpoint failure (%s) is %s', (rpcCode, code, sentence) => {
    const error = new RpcError(rpcCode, 'rpc.example:8545 did not answer within 10000 ms.', {
      chainId: 1,
      host: 'rpc.example:8545',
    });
    const explained = explainRpcError(error, ETH);
    expect(explained).toMatchObject({ code, message: expect.stringMatching(sentence) });
    expect(readsAsSentence(explained.message)).toBe(true);
  });
});
