import type { SafeConfirmationView } from '../../shared/safes';
import type { SafesRepository } from './safesRepository';
import type { SafeTransactionsRepository } from './safeTransactionsRepository';

/** What history shows of an execTransaction: the Safe, and each owner who signed on which device. */
export interface SafeExecutionRecord {
  address: string;
  name: string;
  signers: {
    owner: string;
    kind: SafeConfirmationView['signer']['kind'];
    label: string;
    fingerprint: string | null;
    blind: boolean;
  }[];
}

/** Finds the Safe transaction a transaction of the wallet's executed, by that transaction's hash. */
export function safeExecutionLookup(
  safes: Pick<SafesRepository, 'get'>,
  transactions: Pick<SafeTransactionsRepository, 'byExecutionHash' | 'confirmations'>,
): (chainId: number, hash: string) => SafeExecutionRecord | null {
  return (chainId, hash) => {
    const tx = transactions.byExecutionHash(chainId, hash);
    const safe = tx && safes.get(tx.safeId);
    if (!tx || !safe) return null;
    return {
      address: safe.address,
      name: safe.name,
      signers: transactions.confirmations(tx.id).map(({ owner, signer, mode }) => ({
        owner,
        ...signer,
        blind: mode === 'hashed',
      })),
    };
  };
}
