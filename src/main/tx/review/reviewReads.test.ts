import { beforeAll, describe, expect, it } from 'vitest';
import {
  anvilCall,
  deployCode,
  deployToken,
  fixtureAddress,
  setTokenBalances,
} from '../../../../test/anvil/chainSetup';
import { useAnvilChains } from '../../../../test/anvil/useAnvilChains';
import { revertingWithReason } from '../../../../test/contracts/reverter';
import { RpcClient } from '../../rpc/rpcClient';
import { type ChecksumAddress, toChecksumAddress } from '../../store/address';
import { readChainFacts } from './reviewReads';

const nodes = useAnvilChains([1]);
const url = () => nodes[0]?.url as string;
const FROM = toChecksumAddress(fixtureAddress('reads', 'from'));
const TOKEN = toChecksumAddress(fixtureAddress('reads', 'token'));
const BROKEN_TOKEN = toChecksumAddress(fixtureAddress('reads', 'broken'));
const FRIEND = toChecksumAddress(fixtureAddress('reads', 'friend'));
const DELEGATE = '1111111111111111111111111111111111111111';

beforeAll(async () => {
  await deployToken(url(), TOKEN, { name: 'Test', symbol: 'TST', decimals: 6, totalSupply: 10n ** 12n });
  await setTokenBalances(url(), TOKEN, [[FROM, 42_000_000n]]);
  await deployCode(url(), BROKEN_TOKEN, revertingWithReason('no balances here'));
  await anvilCall(url(), 'anvil_setBalance', [FROM, '0xde0b6b3a7640000']);
  // An EIP-7702 delegation designator, as a delegated account's code reads.
  await anvilCall(url(), 'anvil_setCode', [FROM, `0xef0100${DELEGATE}`]);
});

const client = () =>
  new RpcClient({ chainId: 1, chainName: 'Ethereum', urls: [url()], retry: { attempts: 1 } });

describe('readChainFacts', () => {
  it('reads the balance, pending nonce, both codes, the token balance and the spender code at once', async () => {
    const facts = await readChainFacts(client(), { from: FROM, to: TOKEN, token: TOKEN, spender: FRIEND });
    expect(facts).toMatchObject({
      balance: 10n ** 18n,
      pendingNonce: 0,
      fromCode: `0xef0100${DELEGATE}`,
      tokenBalance: 42_000_000n,
      spenderCode: '0x',
    });
    expect(facts.toCode).not.toBe('0x');
  });

  it('leaves out what the transaction does not involve', async () => {
    const facts = await readChainFacts(client(), { from: FROM, to: null, token: null, spender: null });
    expect(facts).toMatchObject({ toCode: null, tokenBalance: null, spenderCode: null });
  });

  it('reads a token whose balanceOf reverts as holding nothing, without failing the other reads', async () => {
    const facts = await readChainFacts(client(), {
      from: FROM,
      to: BROKEN_TOKEN as ChecksumAddress,
      token: BROKEN_TOKEN as ChecksumAddress,
      spender: null,
    });
    expect(facts).toMatchObject({ balance: 10n ** 18n, tokenBalance: 0n });
  });
});
