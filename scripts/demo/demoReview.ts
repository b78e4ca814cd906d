import { Interface } from 'ethers/abi';
import { parseUnits } from 'ethers/utils';
import type { SignTypedData } from '../../src/shared/devices';
import { GAS_PRICE_ORACLE } from '../../src/main/tx/fees/l1Fee';
import {
  anvilBatch,
  anvilCall,
  deployToken,
  fixtureAddress,
  type RpcCall,
  sendAndMine,
  setTokenBalances,
} from '../../test/anvil/chainSetup';
import { drainerSetup } from '../../test/contracts/deployDoubles';
import { DRAINER_ABI } from '../../test/contracts/drainer';
import { ERC20_ABI, REVERTING_RUNTIME } from '../../test/contracts/erc20';
import { L1_FEE_ORACLE_RUNTIME } from '../../test/contracts/l1FeeOracle';
import { PERMIT2_ADDRESS, PERMIT2_RUNTIME } from '../../test/contracts/permit2';
import { revertingWithReason } from '../../test/contracts/reverter';
import type { BridgeClient } from './bridgeClient';
import { DEMO_HISTORY_ACCOUNT, type DemoNode } from './demoActivity';
import { demoToken } from './demoPortfolio';

/**
 * What the demo seeds so that each finding of the review before signing shows, all for the emulated Ledger's
 * "Ledger main" account (DEMO_HISTORY_ACCOUNT) on Ethereum unless said otherwise. The end-to-end test drives
 * the wallet with these constants rather than repeating addresses.
 */

/** "Test Token", added to the wallet as a user token; Ledger main holds DEMO_TKN_BALANCE of it. */
export const DEMO_TKN = {
  chainId: 1,
  address: fixtureAddress('demo', 'tkn'),
  symbol: 'TKN',
  name: 'Test Token',
  decimals: 18,
} as const;
export const DEMO_TKN_BALANCE = parseUnits('1000', DEMO_TKN.decimals);

/** `claim()` here takes DEMO_DRAINED TKN from its caller, whose unlimited approval the demo seeds. */
export const DEMO_DRAINER = fixtureAddress('demo', 'drainer');
export const DEMO_DRAINED = parseUnits('100', DEMO_TKN.decimals);

/** `claim()` (or any call) here reverts with `Error(DEMO_AIRDROP_REASON)`. */
export const DEMO_CLOSED_AIRDROP = fixtureAddress('demo', 'closed-airdrop');
export const DEMO_AIRDROP_REASON = 'Airdrop closed';

/** The call data of `claim()`, for both the drainer and the closed airdrop. */
export const DEMO_CLAIM_CALLDATA = new Interface(DRAINER_ABI).encodeFunctionData('claim');

/** A spender with code, labelled in the wallet, that the Permit2 permit allows to spend USDC. */
export const DEMO_ROUTER = fixtureAddress('demo', 'router');
export const DEMO_ROUTER_LABEL = 'Demo Router';

/** The Permit2 stand-in sits at the canonical address on every demo chain. */
export const DEMO_PERMIT2 = PERMIT2_ADDRESS;

/** Base: the chain whose sends pay an L1 data fee, priced by the stand-in oracle (l1FeeOracle.ts). */
export const DEMO_L1_FEE_CHAIN = 8453;

const MAX_UINT160 = (1n << 160n) - 1n;
const MAX_UINT256 = (1n << 256n) - 1n;
const PERMIT_VALIDITY_SECONDS = 30 * 24 * 60 * 60;
const SIGNATURE_VALIDITY_SECONDS = 30 * 60;

/**
 * The unlimited Permit2 `PermitSingle` a dApp would ask Ledger main to sign (eth_signTypedData_v4's JSON):
 * DEMO_ROUTER may spend any amount of Ethereum USDC for 30 days; the signature itself is good for 30 minutes.
 */
export function demoPermit2Permit(nowSeconds: number): SignTypedData['typedData'] {
  return {
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'chainId', type: 'uint256' },
        { name: 'verifyingContract', type: 'address' },
      ],
      PermitDetails: [
        { name: 'token', type: 'address' },
        { name: 'amount', type: 'uint160' },
        { name: 'expiration', type: 'uint48' },
        { name: 'nonce', type: 'uint48' },
      ],
      PermitSingle: [
        { name: 'details', type: 'PermitDetails' },
        { name: 'spender', type: 'address' },
        { name: 'sigDeadline', type: 'uint256' },
      ],
    },
    primaryType: 'PermitSingle',
    domain: { name: 'Permit2', chainId: 1, verifyingContract: DEMO_PERMIT2 },
    message: {
      details: {
        token: demoToken(1, 'USDC').address,
        amount: MAX_UINT160.toString(),
        expiration: nowSeconds + PERMIT_VALIDITY_SECONDS,
        nonce: 0,
      },
      spender: DEMO_ROUTER,
      sigDeadline: String(nowSeconds + SIGNATURE_VALIDITY_SECONDS),
    },
  };
}

const erc20 = new Interface(ERC20_ABI);

/**
 * Places the review's contracts on the demo chains, the chains in parallel and their set-up in batches:
 * Permit2 everywhere; on Base the L1 fee oracle; on Ethereum TKN with Ledger main's balance, the drainer
 * (approved without limit by Ledger main, impersonated), the closed airdrop and the router. Ledger main must
 * hold ether on Ethereum for the approval's gas. Each chain then mines a block that holds it all.
 */
export async function seedReview(nodes: readonly DemoNode[]): Promise<void> {
  await Promise.all(
    nodes.map(async ({ chainId, url }) => {
      await anvilBatch(url, [
        ['anvil_setCode', [DEMO_PERMIT2, PERMIT2_RUNTIME]],
        ...(chainId === DEMO_L1_FEE_CHAIN
          ? [['anvil_setCode', [GAS_PRICE_ORACLE, L1_FEE_ORACLE_RUNTIME]] satisfies RpcCall]
          : []),
      ]);
      if (chainId === 1) await seedEthereum(url);
      await anvilCall(url, 'evm_mine');
    }),
  );
}

async function seedEthereum(url: string): Promise<void> {
  const { address, name, symbol, decimals } = DEMO_TKN;
  await Promise.all([
    deployToken(url, address, { name, symbol, decimals, totalSupply: DEMO_TKN_BALANCE }),
    setTokenBalances(url, address, [[DEMO_HISTORY_ACCOUNT, DEMO_TKN_BALANCE]]),
    anvilBatch(url, [
      ...drainerSetup(DEMO_DRAINER, address, DEMO_DRAINED),
      ['anvil_setCode', [DEMO_CLOSED_AIRDROP, revertingWithReason(DEMO_AIRDROP_REASON)]],
      // A spender only needs code for the review; the demo never calls it.
      ['anvil_setCode', [DEMO_ROUTER, REVERTING_RUNTIME]],
      ['anvil_impersonateAccount', [DEMO_HISTORY_ACCOUNT]],
    ]),
  ]);
  await sendAndMine(url, {
    from: DEMO_HISTORY_ACCOUNT,
    to: address,
    data: erc20.encodeFunctionData('approve', [DEMO_DRAINER, MAX_UINT256]),
  });
  await anvilCall(url, 'anvil_stopImpersonatingAccount', [DEMO_HISTORY_ACCOUNT]);
}

/** The wallet's side, through its own API: TKN as a user token and the router's name. */
export async function configureReview(bridge: BridgeClient): Promise<void> {
  await bridge.call('tokens.add', { chainId: DEMO_TKN.chainId, address: DEMO_TKN.address });
  await bridge.call('labels.set', {
    address: DEMO_ROUTER,
    chainId: 1,
    kind: 'contract',
    name: DEMO_ROUTER_LABEL,
    note: '',
  });
}
