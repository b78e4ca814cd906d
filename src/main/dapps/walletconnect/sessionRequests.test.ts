import type { IWalletKit } from '@reown/walletkit';
import { describe, expect, it } from 'vitest';
import { quietLog } from '../../../../test/dapps/dappsHarness';
import type { ProviderRequest } from '../dappGateway';
import { answerRequest } from './sessionRequests';
import type { SessionRow, WalletConnectSessionsRepository } from './walletConnectSessionsRepository';

const TOPIC = 'c'.repeat(64);
const A = '0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

function harness(row: SessionRow | undefined, now = 100_000) {
  const responses: unknown[] = [];
  const handled: ProviderRequest[] = [];
  const used: number[] = [];
  const kit = {
    getActiveSessions: () => ({
      [TOPIC]: {
        namespaces: { eip155: { accounts: [`eip155:1:${A}`, `eip155:10:${A}`], methods: [], events: [] } },
      },
    }),
    respondSessionRequest: async ({ response }: { response: unknown }) => void responses.push(response),
  } as unknown as IWalletKit;
  const deps = {
    gateway: {
      async handle(request: ProviderRequest) {
        handled.push(request);
        return '0x1';
      },
    },
    wallet: { accounts: () => [{ id: 7, address: A, label: 'Main' }] },
    sessions: {
      get: (topic: string) => (topic === TOPIC ? row : undefined),
      used: (_topic: string, at: number) => void used.push(at),
    } as unknown as WalletConnectSessionsRepository,
    log: quietLog(),
    now: () => now,
  };
  const ask = (chainId: unknown, request: unknown = { method: 'eth_chainId', params: [] }, topic = TOPIC) =>
    answerRequest(kit, { id: 5, topic, params: { chainId, request } as never }, deps);
  return { ask, responses, handled, used };
}

const ROW: SessionRow = {
  topic: TOPIC,
  origin: 'https://app.example.org',
  name: 'Swap',
  verification: 'validated',
  connectedAt: 1,
  lastUsedAt: 1,
};

describe('answerRequest', () => {
  it('hands the request to the gateway as the session, on the chain it names, and answers the result', async () => {
    const { ask, responses, handled, used } = harness(ROW);
    await ask('eip155:10');
    expect(handled).toEqual([
      {
        origin: 'https://app.example.org',
        method: 'eth_chainId',
        params: [],
        session: { ...ROW, accountIds: [7], chainIds: [1, 10], chainId: 10 },
      },
    ]);
    expect(responses).toEqual([{ id: 5, jsonrpc: '2.0', result: '0x1' }]);
    expect(used).toEqual([100_000]);
  });

  it('answers 4901 for a chain the session was not granted, and the gateway never sees it', async () => {
    const { ask, responses, handled } = harness(ROW);
    await ask('eip155:8453');
    expect(handled).toEqual([]);
    expect(responses).toEqual([{ id: 5, jsonrpc: '2.0', error: expect.objectContaining({ code: 4901 }) }]);
  });

  it('answers 4100 for a session the wallet does not hold, and -32600 for a request without a method', async () => {
    const gone = harness(undefined);
    await gone.ask('eip155:1');
    expect(gone.responses).toEqual([
      { id: 5, jsonrpc: '2.0', error: expect.objectContaining({ code: 4100 }) },
    ]);
    const malformed = harness(ROW);
    await malformed.ask('eip155:1', { method: 42 });
    expect(malformed.responses).toEqual([
      { id: 5, jsonrpc: '2.0', error: expect.objectContaining({ code: -32600 }) },
    ]);
    expect(malformed.handled).toEqual([]);
  });

  it('writes use at most once a minute', async () => {
    const { ask, used } = harness({ ...ROW, lastUsedAt: 100_000 - 59_999 });
    await ask('eip155:1');
    expect(used).toEqual([]);
  });
});
