import { createContext, useContext } from 'react';
import type { Wallet } from './useWalletSession';

export const WalletContext = createContext<Wallet | null>(null);

export function useWallet(): Wallet {
  const wallet = useContext(WalletContext);
  if (!wallet) throw new Error('useWallet() needs a loaded wallet session above it (WalletContext).');
  return wallet;
}
