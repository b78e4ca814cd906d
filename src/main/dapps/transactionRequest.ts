import { z } from 'zod';
import type { DappCall, DappRequestDetail } from '../../shared/dapps';
import { invalidParams } from './providerError';
import {
  type AccountLookup,
  exposedAccount,
  HexAddress,
  HexData,
  HexQuantity,
  parseParams,
  siteAccount,
} from './signingParams';
import type { ConnectedSite } from './sites';

/**
 * eth_sendTransaction's object. Fee and gas fields are accepted and not used: the wallet's own review prices
 * the transaction and the user picks the speed. `nonce` too: the wallet keeps its own nonces.
 */
const TransactionObject = z.looseObject({
  from: HexAddress,
  to: HexAddress.nullish(),
  value: HexQuantity.optional(),
  data: HexData.optional(),
  input: HexData.optional(),
  chainId: HexQuantity.optional(),
  gas: HexQuantity.optional(),
  gasPrice: HexQuantity.optional(),
  maxFeePerGas: HexQuantity.optional(),
  maxPriorityFeePerGas: HexQuantity.optional(),
  nonce: HexQuantity.optional(),
});

const Params = z.tuple([TransactionObject]);

/** `eth_sendTransaction` [{from, to, value?, data|input?, chainId?, …}], validated into what is reviewed. */
export function parseTransaction(
  params: unknown,
  site: ConnectedSite,
  accounts: AccountLookup,
): Extract<DappRequestDetail, { type: 'transaction' }> {
  const [tx] = parseParams(Params, params, 'eth_sendTransaction');
  if (tx.data !== undefined && tx.input !== undefined && tx.data !== tx.input) {
    throw invalidParams('Invalid eth_sendTransaction params: data and input differ; send one of them.');
  }
  if (!tx.to) {
    throw invalidParams(
      'The wallet does not deploy contracts for sites: eth_sendTransaction needs a `to` address.',
    );
  }
  if (tx.chainId !== undefined && tx.chainId !== BigInt(site.chainId)) {
    throw invalidParams(
      `The transaction is for chain ${tx.chainId}, but this site is on chain ${site.chainId}; ` +
        'switch first (wallet_switchEthereumChain).',
    );
  }
  const account = exposedAccount(tx.from, site, accounts);
  const call: DappCall = {
    to: tx.to.toLowerCase(),
    value: (tx.value ?? 0n).toString(),
    data: tx.data ?? tx.input ?? '0x',
  };
  return { type: 'transaction', chainId: site.chainId, account: siteAccount(account), call };
}
