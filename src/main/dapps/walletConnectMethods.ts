import type { MethodCall, MethodTable } from './dappSession';
import { SwitchParams } from './chainMethods';
import { ProviderError, unauthorized } from './providerError';
import { parseParams } from './providerParams';

/**
 * The methods a WalletConnect session may call: the reads, the accounts and chain it was granted, the
 * signing methods and EIP-5792's, and wallet_watchAsset. The WalletConnect module cuts a proposal's methods
 * to these; the service answers any other with 4200.
 */
export const WALLETCONNECT_METHODS: readonly string[] = [
  'eth_blockNumber',
  'eth_gasPrice',
  'eth_maxPriorityFeePerGas',
  'eth_call',
  'eth_estimateGas',
  'eth_getBalance',
  'eth_getTransactionCount',
  'eth_getCode',
  'eth_getStorageAt',
  'eth_getTransactionReceipt',
  'eth_getTransactionByHash',
  'eth_getBlockByNumber',
  'eth_getBlockByHash',
  'eth_feeHistory',
  'eth_getLogs',
  'net_version',
  'eth_accounts',
  'eth_requestAccounts',
  'eth_chainId',
  'wallet_switchEthereumChain',
  'eth_sendTransaction',
  'personal_sign',
  'eth_signTypedData_v4',
  'wallet_sendCalls',
  'wallet_getCallsStatus',
  'wallet_getCapabilities',
  'wallet_watchAsset',
];

/** What a session's permissions are is settled when the user approves it, not by a request. */
const SET_AT_APPROVAL = {
  wallet_requestPermissions:
    'A WalletConnect session is given its accounts when the user approves it; connect again to change them.',
  wallet_revokePermissions:
    'A WalletConnect session ends by disconnecting it (from the dApp or the wallet), not by revoking permissions.',
  wallet_addEthereumChain:
    'A WalletConnect session is given its chains when the user approves it; connect again to add one.',
};

/**
 * In a session the dApp names the chain of every request, so switching is the dApp's own business: the wallet
 * only says whether the chain was granted (4902 if not).
 */
function switchWithinSession(call: MethodCall): null {
  const [{ chainId }] = parseParams(SwitchParams, call.params, call.method);
  if (!call.grant) throw unauthorized();
  if (!call.grant.chainIds.includes(chainId)) {
    throw new ProviderError(
      4902,
      `This session was not granted chain ${chainId}; connect again and grant it to use it.`,
    );
  }
  return null;
}

/** The extension's handlers a session may call, cut to the allow-list, with its own answers where they differ. */
export function walletConnectMethods(table: MethodTable): MethodTable {
  const allowed = Object.fromEntries(
    WALLETCONNECT_METHODS.flatMap((method) => {
      const handler = Object.hasOwn(table, method) ? table[method] : undefined;
      return handler ? [[method, handler]] : [];
    }),
  );
  const refused = Object.fromEntries(
    Object.entries(SET_AT_APPROVAL).map(([method, sentence]) => [
      method,
      () => {
        throw new ProviderError(4200, sentence);
      },
    ]),
  );
  return { ...allowed, ...refused, wallet_switchEthereumChain: switchWithinSession };
}
