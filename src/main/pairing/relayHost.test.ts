import { describe, expect, it, vi } from 'vitest';
import type { RelayHandlers } from '../../shared/pairing/relayLink';
import type { RelayConfig } from './phonePairingsRepository';
import { RelayHost, type RunningRelay } from './relayHost';
import { quietLog, recordingLink } from '../../../test/pairing/pairingParts';

function setup(options: { refuse?: string } = {}) {
  let config: RelayConfig | undefined;
  const started: { host: string; port: number }[] = [];
  const closed: number[] = [];
  const links: ReturnType<typeof recordingLink>[] = [];
  let handlers: RelayHandlers | undefined;
  const log = quietLog();
  const callbacks = { connected: vi.fn(), stopping: vi.fn(), changed: vi.fn() };
  const host = new RelayHost({
    pairings: { relay: () => config, setRelay: (next) => void (config = next) },
    log,
    startRelay: async (host, port): Promise<RunningRelay> => {
      if (options.refuse) throw new Error(options.refuse);
      started.push({ host, port });
      const bound = port || 40_000 + started.length;
      return {
        url: `http://${host}:${bound}/`,
        wsUrl: `ws://${host}:${bound}/relay`,
        port: bound,
        close: async () => void closed.push(bound),
      };
    },
    connectRelay: async (_url, given) => {
      handlers = given;
      const link = recordingLink();
      links.push(link);
      return link;
    },
    relayHost: '127.0.0.1',
    relayPort: 0,
    knocked: vi.fn(),
    deliver: vi.fn(),
    ...callbacks,
  });
  return { host, started, closed, links, log, ...callbacks, handlers: () => handlers as RelayHandlers };
}

describe('RelayHost', () => {
  it('starts the relay once for callers that ask at the same time, then reopens the phones’ inboxes', async () => {
    const { host, started, connected, changed } = setup();
    expect(host.view()).toMatchObject({ running: false, host: '127.0.0.1', port: 0, url: null, error: null });
    await Promise.all([host.ensure(), host.ensure()]);
    await host.ensure();
    expect(started).toEqual([{ host: '127.0.0.1', port: 0 }]);
    expect(connected).toHaveBeenCalledOnce();
    expect(changed).toHaveBeenCalledOnce();
    expect(host.view()).toMatchObject({ running: true, port: 40_001, url: 'http://127.0.0.1:40001/' });
    expect(host.running().relay.wsUrl).toBe('ws://127.0.0.1:40001/relay');
  });

  it('reports a relay that cannot listen in the view, for the user to pick another port', async () => {
    const { host, log, stopping, connected } = setup({ refuse: 'EADDRINUSE' });
    await host.ensure();
    const error = 'The relay could not listen on 127.0.0.1:0: EADDRINUSE. Pick another port or interface.';
    expect(host.view()).toMatchObject({ running: false, error });
    expect(() => host.running()).toThrow(expect.objectContaining({ code: 'pairing_failed', message: error }));
    expect(log.warn).toHaveBeenCalledWith('relay did not start', { reason: error });
    expect(stopping).toHaveBeenCalledOnce();
    expect(connected).not.toHaveBeenCalled();
  });

  it('moves to another address of this computer, remembered, and refuses one that is not', async () => {
    const { host, started, closed, links, stopping } = setup();
    await host.ensure();
    await expect(host.move('203.0.113.9', 9000)).rejects.toMatchObject({ code: 'invalid_request' });
    await host.move('127.0.0.1', 9100);
    expect(started.at(-1)).toEqual({ host: '127.0.0.1', port: 9100 });
    expect(closed).toEqual([40_001]);
    expect(links[0]?.calls).toEqual([['disconnect']]);
    expect(stopping).toHaveBeenCalledOnce();
    expect(host.view()).toMatchObject({ running: true, host: '127.0.0.1', port: 9100 });
  });

  it('connects again on the next ensure after its link closed', async () => {
    const { host, handlers, links } = setup();
    await host.ensure();
    handlers().closed();
    expect(host.link).toBeNull();
    expect(host.view().running).toBe(false);
    await host.ensure();
    expect(host.link).toBe(links[1]);
  });

  it('logs what the relay refused', async () => {
    const { host, handlers, log } = setup();
    await host.ensure();
    handlers().error(3, new Uint8Array(16), 'no such rendezvous');
    expect(log.warn).toHaveBeenCalledWith('relay refused a request', {
      code: 3,
      message: 'no such rendezvous',
    });
  });
});
