import type { AddCustomChain } from '../../shared/chains/chain';
import type { RpcClient } from '../rpc/rpcClient';

export interface WalletAccount {
  id: number;
  address: string;
  label: string;
}

/**
 * What the dApp service needs of the rest of the wallet, as the module builds it from the accounts, the
 * settings and the networks; the service reaches nothing else.
 */
export interface DappWallet {
  accounts(): WalletAccount[];
  /** The network the wallet is on, which a site starts on. */
  activeChainId(): number;
  /** A network the wallet knows, enabled or not. */
  chain(chainId: number): { name: string; enabled: boolean } | undefined;
  /** The user's own endpoint for an enabled network; undefined for any other. */
  client(chainId: number): RpcClient | undefined;
  enableChain(chainId: number): void;
  /** Adds and enables a network (the endpoint is checked again there). */
  addChain(chain: AddCustomChain): Promise<void>;
  addToken(chainId: number, address: string): Promise<void>;
}
