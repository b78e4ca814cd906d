import { networkInterfaces } from 'node:os';
import type { RelayInterface } from '../../shared/pairing';

/** The IPv4 addresses the relay can bind to: the phone must reach one over the local network. */
export function relayInterfaces(): RelayInterface[] {
  const found: RelayInterface[] = [];
  for (const [name, addresses] of Object.entries(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4')
        found.push({ name: address.internal ? 'loopback' : name, address: address.address });
    }
  }
  if (!found.some((entry) => entry.address === '127.0.0.1'))
    found.push({ name: 'loopback', address: '127.0.0.1' });
  return found;
}

/** A LAN address when there is one, since a phone cannot reach loopback; loopback otherwise. */
export function defaultRelayHost(): string {
  return relayInterfaces().find((entry) => entry.name !== 'loopback')?.address ?? '127.0.0.1';
}
