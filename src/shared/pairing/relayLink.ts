import { RelayClient } from './relayClient';

/** What each side of the protocol needs from a connection to the relay; the relay client provides it. */
export interface RelayLink {
  listen(route: Uint8Array): void;
  unlisten(route: Uint8Array): void;
  open(rendezvous: Uint8Array, ttlSeconds: number): void;
  close(rendezvous: Uint8Array): void;
  knock(rendezvous: Uint8Array, replyRoute: Uint8Array, handshake: Uint8Array): void;
  send(route: Uint8Array, frame: Uint8Array): void;
  disconnect(): void;
}

/** What the relay tells one side; ids are 16-byte routes or rendezvous ids. */
export interface RelayHandlers {
  knocked?(rendezvous: Uint8Array, replyRoute: Uint8Array, handshake: Uint8Array): void;
  deliver(route: Uint8Array, frame: Uint8Array): void;
  error(code: number, id: Uint8Array, message: string): void;
  closed(): void;
}

export type ConnectRelay = (url: string, handlers: RelayHandlers) => Promise<RelayLink>;

/** Connects a `RelayClient` and hands its events to one side's handlers. */
export const connectRelayLink: ConnectRelay = async (url, handlers) => {
  const client = await RelayClient.connect(url);
  if (handlers.knocked) client.on('knocked', handlers.knocked);
  client.on('deliver', handlers.deliver);
  client.on('error', handlers.error);
  client.on('closed', handlers.closed);
  return client;
};
