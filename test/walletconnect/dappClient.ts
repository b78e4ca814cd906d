import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Core } from '@walletconnect/core';
import { SignClient } from '@walletconnect/sign-client';
import type { CoreTypes, ISignClient, SessionTypes } from '@walletconnect/types';
import { getSdkError } from '@walletconnect/utils';
import { MemoryStorage } from './memoryStorage';
import type { VerifyDouble } from './verifyDouble';

export interface DappOptions {
  readonly relayUrl: string;
  readonly projectId: string;
  readonly metadata?: Partial<CoreTypes.Metadata>;
  /** Attest the dApp's messages through this double; without it the dApp registers nothing (as in Node). */
  readonly verify?: VerifyDouble;
  /** The origin Verify attests; the metadata url's by default. Another origin makes the wallet see a mismatch. */
  readonly pageOrigin?: string;
  /** Verify reports the page as a known threat. */
  readonly scam?: boolean;
}

export interface ConnectOptions {
  /**
   * Chain ids the dApp asks for. sign-client 2.25 moves required namespaces into optional ones (with a console
   * warning), so they are sent as optional here, which is what a wallet receives either way.
   */
  readonly requiredChains: readonly number[];
  readonly optionalChains?: readonly number[];
  readonly methods?: readonly string[];
  readonly events?: readonly string[];
}

export interface SessionEventSeen {
  readonly topic: string;
  readonly name: string;
  readonly data: unknown;
  readonly chainId: string;
}

/** A real `@walletconnect/sign-client` dApp on a test relay, with the calls the flow tests need. */
export interface TestDapp {
  readonly client: ISignClient;
  readonly metadata: CoreTypes.Metadata;
  connect(options: ConnectOptions): Promise<{ uri: string; approval: Promise<SessionTypes.Struct> }>;
  request<T = unknown>(topic: string, chainId: number, method: string, params: unknown): Promise<T>;
  disconnect(topic: string): Promise<void>;
  /** 'session_delete' ({topic}) and 'session_event' (SessionEventSeen) as the dApp receives them. */
  readonly events: EventEmitter<{ session_delete: [{ topic: string }]; session_event: [SessionEventSeen] }>;
  /** Closes the transport and stops the client's timers. */
  close(): Promise<void>;
}

export const DAPP_METHODS = ['eth_sendTransaction', 'personal_sign', 'eth_signTypedData_v4', 'eth_chainId'];
export const DAPP_EVENTS = ['accountsChanged', 'chainChanged'];

export async function startDapp(options: DappOptions): Promise<TestDapp> {
  const metadata: CoreTypes.Metadata = {
    name: 'Test dApp',
    description: 'A dApp in a WalletConnect test',
    url: 'https://dapp.example',
    icons: [],
    ...options.metadata,
  };
  const core = new Core({
    projectId: options.projectId,
    relayUrl: options.relayUrl,
    storage: new MemoryStorage(),
    logger: 'silent',
    telemetryEnabled: false,
    // Core shares one instance per storage prefix through globalThis; a prefix of its own keeps this dApp from
    // being handed the wallet's core in the same process.
    customStoragePrefix: `test-dapp-${randomUUID()}`,
  });
  if (options.verify !== undefined) {
    const page = { origin: options.pageOrigin ?? metadata.url, scam: options.scam };
    core.verify = options.verify.dapp(page)(core);
  }
  const client = await SignClient.init({ core, metadata, logger: 'silent', telemetryEnabled: false });
  const events = new EventEmitter<{
    session_delete: [{ topic: string }];
    session_event: [SessionEventSeen];
  }>();
  client.on('session_delete', ({ topic }) => events.emit('session_delete', { topic }));
  client.on('session_event', ({ topic, params }) =>
    events.emit('session_event', {
      topic,
      name: params.event.name,
      data: params.event.data,
      chainId: params.chainId,
    }),
  );

  return {
    client,
    metadata,
    events,
    async connect({
      requiredChains,
      optionalChains = [],
      methods = DAPP_METHODS,
      events: names = DAPP_EVENTS,
    }) {
      const chains = [...new Set([...requiredChains, ...optionalChains])].map((id) => `eip155:${id}`);
      const { uri, approval } = await client.connect({
        optionalNamespaces: { eip155: { chains, methods: [...methods], events: [...names] } },
      });
      if (uri === undefined) throw new Error('sign-client made no pairing URI');
      return { uri, approval: approval() };
    },
    request: (topic, chainId, method, params) =>
      client.request({ topic, chainId: `eip155:${chainId}`, request: { method, params } }),
    disconnect: (topic) => client.disconnect({ topic, reason: getSdkError('USER_DISCONNECTED') }),
    async close() {
      client.core.heartbeat.stop();
      await client.core.relayer.transportClose();
    },
  };
}
