import type { IVerify, Verify } from '@walletconnect/types';
import type { WalletConnectVerification } from '../../../shared/dapps';

/** What the wallet shows of a Verify context; a known scam outranks whatever the domain check said. */
export function toVerification(context: Verify.Context | undefined): WalletConnectVerification {
  const verified = context?.verified;
  if (verified?.isScam === true) return 'threat';
  if (verified?.validation === 'VALID') return 'validated';
  if (verified?.validation === 'INVALID') return 'mismatch';
  return 'unknown';
}

/** The part of Verify a wallet uses: looking up the attestation of the page that sent a message. */
export type VerifyLookup = Pick<IVerify, 'resolve'>;

/**
 * Stands in for `core.verify`. With the setting off no lookup is made at all, and an empty answer makes
 * WalletConnect mark every dApp UNKNOWN. `register` is the dApp side's (a page attesting itself): a wallet
 * never does it. The cast: IVerify is an abstract class whose other fields only its own code reads.
 */
export function gatedVerify(inner: VerifyLookup, enabled: () => boolean): IVerify {
  const gate = {
    context: 'verify',
    register: async () => undefined,
    resolve: async (params: Parameters<IVerify['resolve']>[0]) =>
      enabled() ? inner.resolve(params) : undefined,
  };
  return gate as unknown as IVerify;
}
