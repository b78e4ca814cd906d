import type { PendingPairing, PendingRequest } from '../../src/companion/client/phoneClient';
import type { PairedDesktop, PhoneState } from '../../src/companion/core/phoneState';
import type { SyncedName } from '../../src/companion/core/phoneSync';
import type { SignRequestMessage } from '../../src/companion/core/signRequest';
import { NOW } from './signRequestFixture';
import type { PhoneClientLike } from '../../src/companion/ui/types';

export { ALICE, NOW, signRequest } from './signRequestFixture';
export const TEST_MNEMONIC = 'test test test test test test test test test test test junk';

export function pairedDesktop(overrides: Partial<PairedDesktop> = {}): PairedDesktop {
  return {
    id: 'a'.repeat(64),
    name: 'Work laptop',
    relay: 'ws://192.168.1.20:47110/relay',
    desktopKey: 'a'.repeat(64),
    phoneStaticPrivate: 'b'.repeat(64),
    resumePsk: 'c'.repeat(64),
    inbox: 'd'.repeat(32),
    pairedAt: NOW - 3 * 24 * 3600_000,
    lastSeenAt: NOW - 5 * 60_000,
    status: 'active',
    ...overrides,
  };
}

type Call = [method: string, ...args: unknown[]];

/** A PhoneClient-shaped double: records what the UI asked and answers with what the test arranged. */
export class StubClient implements PhoneClientLike {
  readonly calls: Call[] = [];
  pending: PendingRequest[] = [];
  onlineIds = new Set<string>();
  /** Synced names by lower-case address, for every desktop and chain. */
  syncedNames = new Map<string, SyncedName>();
  pairing: (url: string) => Promise<PendingPairing> = () => new Promise(() => undefined);
  connecting: (desktopId: string) => Promise<void> = () => Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(public state: PhoneState) {}

  static with(desktops: PairedDesktop[] = [], requests: SignRequestMessage[] = []): StubClient {
    const client = new StubClient({
      version: 1,
      mnemonic: TEST_MNEMONIC,
      phoneName: "Alice's phone",
      backedUp: true,
      desktops,
      answered: [],
    });
    client.pending = requests.map((request) => ({
      desktopId: desktops[0]?.id ?? 'a'.repeat(64),
      request,
      receivedAt: NOW,
    }));
    return client;
  }

  onChange(listener: () => void): () => boolean {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  requests(): PendingRequest[] {
    return [...this.pending];
  }

  online(desktopId: string): boolean {
    return this.onlineIds.has(desktopId);
  }

  nameFor(_desktopId: string, address: string, _chainId: number | null): SyncedName | null {
    return this.syncedNames.get(address.toLowerCase()) ?? null;
  }

  pair(url: string): Promise<PendingPairing> {
    this.calls.push(['pair', url]);
    return this.pairing(url);
  }

  async connect(desktopId: string): Promise<void> {
    this.calls.push(['connect', desktopId]);
    await this.connecting(desktopId);
    this.onlineIds.add(desktopId);
    this.changed();
  }

  async approve(id: string): Promise<void> {
    this.calls.push(['approve', id]);
    this.answer(id);
  }

  async reject(id: string, reason?: string): Promise<void> {
    this.calls.push(reason === undefined ? ['reject', id] : ['reject', id, reason]);
    this.answer(id);
  }

  disconnect(): void {
    this.calls.push(['disconnect']);
    this.onlineIds.clear();
  }

  async revoke(desktopId: string): Promise<void> {
    this.calls.push(['revoke', desktopId]);
    this.onlineIds.delete(desktopId);
    this.state = {
      ...this.state,
      desktops: this.state.desktops.map((desktop) =>
        desktop.id === desktopId ? { ...desktop, status: 'revoked' } : desktop,
      ),
    };
    this.changed();
  }

  private answer(id: string): void {
    this.pending = this.pending.filter((entry) => entry.request.id !== id);
    this.changed();
  }
}
