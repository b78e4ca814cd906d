import type { WalletConnectVerification } from '../../shared/dapps';

/**
 * What a WalletConnect session granted, as it stands for one of its requests: the accounts the user
 * approved, and the chain the request names (one of the session's). It stands in for a connected site.
 */
export interface SessionGrant {
  topic: string;
  /** The dApp's name from its metadata. */
  name: string;
  verification: WalletConnectVerification;
  accountIds: number[];
  /** Every chain the session was granted; `chainId` is among them. */
  chainIds: number[];
  chainId: number;
  connectedAt: number;
  lastUsedAt: number;
}

/** One provider request, from a paired browser or a WalletConnect session. */
export type ProviderRequest = {
  /**
   * Extension: the sender's origin as the browser reported it. WalletConnect: the origin of the URL the dApp
   * claims in its metadata (see the grant's `verification`). Either way the gateway still validates it.
   */
  origin: string;
  method: string;
  params: unknown;
} & ({ browserId: string } | { session: SessionGrant });

/** A WalletConnect session proposal, as the WalletConnect module read it from the dApp's proposal. */
export interface SessionProposal {
  /** The origin of the dApp's claimed URL (validated again by the gateway). */
  origin: string;
  name: string;
  description: string;
  url: string;
  verification: WalletConnectVerification;
  requiredChainIds: number[];
  optionalChainIds: number[];
  /** The methods the wallet will answer in this session (the dApp's ask, cut to what the wallet serves). */
  methods: string[];
}

/** What the user granted a proposal: accounts, and chains including every required one. */
export interface SessionApproval {
  accountIds: number[];
  chainIds: number[];
}

/** What the bridge (src/main/dapps/bridge) and the WalletConnect module hand their requests to. */
export interface DappGateway {
  /** Resolves with the JSON result, or rejects with a ProviderError (./providerError). */
  handle(request: ProviderRequest): Promise<unknown>;
  /** Origins whose provider also appears as window.ethereum. */
  windowEthereumOrigins(): string[];
  /**
   * Queues the proposal for the user beside every other request. Resolves with what the user granted, or
   * rejects with a ProviderError (4001 when the user refused, -32005 when too many requests wait).
   */
  propose(proposal: SessionProposal): Promise<SessionApproval>;
  /** The session ended (either side): its waiting requests are answered 4900 and leave the queue. */
  sessionEnded(topic: string): void;
}
