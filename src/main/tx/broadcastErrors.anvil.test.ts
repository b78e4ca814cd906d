import { parseEther, Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/envelope';
import { readsAsSentence } from '../../shared/api/userErrors';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import { rpc } from '../rpc/jsonRpc';
import { RpcClient } from '../rpc/rpcClient';
import { chainCall } from './txErrors';
import { txRpc } from './txRpc';

const CHAIN_ID = 31337;
/** Anvil's first funded account, from its published default mnemonic. */
const FUNDED = new Wallet('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
const ETH = { symbol: 'ETH', decimals: 18 };

/**
 * The wordings come from a real node, so a node release that rewords a refusal fails here rather than
 * silently falling back to the general "refused" sentence in front of a user.
 */
describe('node refusals, as a real node words them', () => {
  const nodes = useAnvilChains([CHAIN_ID]);
  const url = () => nodes[0]?.url ?? 'http://127.0.0.1:1';
  const client = () => new RpcClient({ chainId: CHAIN_ID, chainName: 'Anvil', urls: [url()] });

  async function refusal(run: (client: RpcClient) => Promise<unknown>): Promise<ApiError> {
    const rpcClient = client();
    const error = await chainCall(() => run(rpcClient), ETH).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(readsAsSentence(apiError.message)).toBe(true);
    // The node's words are the detail, never the message.
    expect(apiError.detail).toMatch(/refused eth_\w+: .+ \(code -?\d+\)\.$/);
    expect(apiError.message).not.toContain(url().replace('http://', ''));
    return apiError;
  }

  const transfer = {
    chainId: CHAIN_ID,
    gasLimit: 21_000,
    maxFeePerGas: 10_000_000_000n,
    maxPriorityFeePerGas: 1n,
  };
  const send = (raw: string) => (rpcClient: RpcClient) => rpcClient.send(txRpc.sendRawTransaction(raw));

  it('an account that cannot pay', async () => {
    const poor = Wallet.createRandom();
    const raw = await poor.signTransaction({
      ...transfer,
      to: FUNDED.address,
      nonce: 0,
      value: parseEther('1'),
    });
    const error = await refusal(send(raw));
    expect(error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/add funds\.$/) });
  });

  it('a nonce already used, a replacement that pays too little, and a fee under the base fee', async () => {
    const to = Wallet.createRandom().address;
    const first = await FUNDED.signTransaction({ ...transfer, to, nonce: 0, value: 1n });
    await client().send(txRpc.sendRawTransaction(first));
    const reused = await FUNDED.signTransaction({ ...transfer, to, nonce: 0, value: 2n });
    expect(await refusal(send(reused))).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/same nonce/),
    });

    // A gap in nonces keeps this one waiting in the pool, so a second one with the same nonce is a replacement.
    const waiting = await FUNDED.signTransaction({ ...transfer, to, nonce: 9, value: 3n });
    await client().send(txRpc.sendRawTransaction(waiting));
    const cheap = await FUNDED.signTransaction({ ...transfer, to, nonce: 9, value: 4n });
    expect(await refusal(send(cheap))).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/Raise the fee/),
    });

    const underpaid = await FUNDED.signTransaction({
      ...transfer,
      to,
      nonce: 1,
      maxFeePerGas: 1n,
      value: 5n,
    });
    expect(await refusal(send(underpaid))).toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/below what the network charges/),
    });
  });

  it('gas limits too low and too high for a block', async () => {
    const to = Wallet.createRandom().address;
    const tooLow = await FUNDED.signTransaction({ ...transfer, to, nonce: 20, gasLimit: 20_000 });
    expect(await refusal(send(tooLow))).toMatchObject({
      message: expect.stringMatching(/gas limit is too low/),
    });
    const tooHigh = await FUNDED.signTransaction({ ...transfer, to, nonce: 20, gasLimit: 100_000_000 });
    expect(await refusal(send(tooHigh))).toMatchObject({
      message: expect.stringMatching(/more gas than a block/),
    });
  });

  it('a call that reverts, at estimate and at call', async () => {
    // Init code that reverts with no data: PUSH1 0, PUSH1 0, REVERT.
    const reverts = { from: FUNDED.address, to: null, value: 0n, data: '0x60006000fd' };
    const estimate = await refusal((rpcClient) => rpcClient.send(rpc.estimateGas(reverts)));
    expect(estimate).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/would fail/) });
    const call = await refusal((rpcClient) => rpcClient.send(rpc.callAs(reverts, 'latest')));
    expect(call).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/would fail/) });
  });
});
