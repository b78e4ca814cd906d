/** One request from a paired browser, as the bridge received it. */
export interface ProviderRequest {
  /** The sender's origin as the browser reported it to the extension; the gateway still validates it. */
  origin: string;
  method: string;
  params: unknown;
  /** The paired browser it came from. */
  browserId: string;
}

/** What the bridge (src/main/dapps/bridge) hands each provider request to. */
export interface DappGateway {
  /** Resolves with the JSON result, or rejects with a ProviderError (./providerError). */
  handle(request: ProviderRequest): Promise<unknown>;
  /** Origins whose provider also appears as window.ethereum. */
  windowEthereumOrigins(): string[];
}
