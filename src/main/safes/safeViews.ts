import type { SafeTxReview, SafeTxView, SafeView } from '../../shared/safes';
import type { Account } from '../store/accountsRepository';
import type { SafeRow } from './safesRepository';
import type { SafeConfirmation, SafeTxRow } from './safeTransactionsRepository';

/** Whether a Safe transaction would go through when run from the Safe, as last simulated on this desktop. */
export type Simulation = SafeTxReview['simulation'];

/** SafeTxReview's bound on warnings. */
export const MAX_WARNINGS = 40;

/** Shown for a Safe transaction this desktop has not simulated since it started (synced, or from before). */
export const NOT_SIMULATED: Simulation = {
  ok: false,
  reason: 'Not simulated on this desktop yet: refresh the Safe to run it again.',
};

/** A Safe as the page shows it: its last read on chain, with each owner matched to the wallet's accounts. */
export function safeView(row: SafeRow, accounts: readonly Account[]): SafeView {
  const byAddress = new Map(accounts.map((account) => [account.address, account]));
  const { state } = row;
  return {
    id: row.id,
    chainId: row.chainId,
    address: row.address,
    name: row.name,
    status: row.status,
    deployment: row.deployment && { hash: row.deployment.hash, outgoingId: row.deployment.outgoingId },
    version: state?.version ?? null,
    owners: (state?.owners ?? []).map((address) => {
      const account = byAddress.get(address);
      return {
        address,
        account: account
          ? {
              id: account.id,
              label: account.label,
              signer: account.signer,
              deviceFingerprint: account.deviceFingerprint,
            }
          : null,
      };
    }),
    threshold: state?.threshold ?? 0,
    nonce: state?.nonce ?? 0,
    modules: state?.modules ?? [],
    guard: state?.guard ?? null,
    fallbackHandler: state?.fallbackHandler ?? null,
    warnings: state?.warnings ?? [],
    balance: state ? state.balance.toString() : null,
    readAt: row.readAt,
    error: row.error,
  };
}

/**
 * A kept Safe transaction with its confirmations, against the Safe's last read threshold, described as it
 * reads now (`described`): one synced from another desktop reads the same as one proposed here.
 */
export function safeTxView(
  row: SafeTxRow,
  safe: SafeRow,
  confirmations: readonly SafeConfirmation[],
  simulation: Simulation,
  described: Pick<SafeTxView, 'kind' | 'summary' | 'warnings'>,
): SafeTxView {
  return {
    id: row.id,
    safeId: safe.id,
    safe: safe.address,
    chainId: safe.chainId,
    tx: row.fields,
    safeTxHash: row.safeTxHash,
    kind: described.kind,
    summary: described.summary,
    warnings: described.warnings.slice(0, MAX_WARNINGS),
    simulation,
    threshold: safe.state?.threshold ?? 0,
    confirmations: confirmations.map(({ owner, signer, mode, signedAt }) => ({
      owner,
      signer,
      mode,
      signedAt,
    })),
    status: row.status,
    execution: row.execution && {
      hash: row.execution.hash,
      by: row.execution.by,
      outgoingId: row.execution.outgoingId,
    },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
