import { randomBytes } from 'node:crypto';
import type { ICore, IVerify } from '@walletconnect/types';

/** How a WalletConnect core gets its Verify: the wallet module takes one so tests can answer lookups locally. */
export type VerifyFactory = (core: ICore) => IVerify;

/** The page a test says its dApp runs on, as Verify would attest it. */
export interface DappPage {
  /** e.g. https://app.example: compared by sign-client with the origin of the dApp's metadata url. */
  readonly origin: string;
  /** Verify's scam list says this origin is a known threat. */
  readonly scam?: boolean;
}

interface Attestation {
  readonly token: string;
  readonly origin: string;
  readonly isScam: boolean;
}

type Resolved = { origin: string; isScam?: boolean } | undefined;

const MAX_ATTESTATIONS = 10_000;

/**
 * WalletConnect Verify answered in-process. The real one registers each message a dApp sends with
 * verify.walletconnect.org from the dApp's page (a browser iframe) and the wallet resolves it there; in Node the
 * dApp side registers nothing and the wallet side fetches from the internet. Here a dApp side registers the
 * envelope's hash with the origin the test gives, and the wallet side resolves it from the same registry, so
 * sign-client computes VALID, INVALID (origin differs from the metadata url) or a scam flag exactly as it does
 * with the real service, and UNKNOWN for anything never registered.
 */
export class VerifyDouble {
  private readonly attestations = new Map<string, Attestation>();
  private lookupCount = 0;

  /** The wallet side's Verify. */
  readonly wallet: VerifyFactory = (core) =>
    this.verify(core, {
      register: () => Promise.resolve(undefined),
      resolve: ({ attestationId, encryptedId }) => {
        this.lookupCount++;
        const found = encryptedId === undefined ? undefined : this.attestations.get(encryptedId);
        // A message that arrives with another attestation than the one registered for it is not the dApp's.
        if (found === undefined || found.token !== attestationId) return Promise.resolve(undefined);
        return Promise.resolve({ origin: found.origin, isScam: found.isScam });
      },
    });

  /** A dApp side's Verify that attests every message it sends as coming from `page`. */
  dapp(page: DappPage): VerifyFactory {
    const origin = new URL(page.origin).origin;
    return (core) =>
      this.verify(core, {
        register: ({ id }) => {
          const token = randomBytes(16).toString('hex');
          if (this.attestations.size >= MAX_ATTESTATIONS) this.attestations.clear();
          this.attestations.set(id, { token, origin, isScam: page.scam === true });
          return Promise.resolve(token);
        },
        resolve: () => Promise.resolve(undefined),
      });
  }

  /** How many lookups the wallet side made, so a test can tell Verify was consulted (or, when off, was not). */
  lookups(): number {
    return this.lookupCount;
  }

  private verify(
    core: ICore,
    behaviour: {
      register(params: { id: string; decryptedId: string }): Promise<string | undefined>;
      resolve(params: { attestationId?: string; encryptedId?: string }): Promise<Resolved>;
    },
  ): IVerify {
    // IVerify declares resolve() always finds an origin, but core returns nothing for an unknown message and
    // sign-client reads that as UNKNOWN; the double keeps that behaviour, hence the one cast.
    return {
      core,
      logger: core.logger,
      store: core.storage,
      context: 'verify-double',
      ...behaviour,
    } as IVerify;
  }
}
