/**
 * The test dApp: what a real site does with viem once mipd has found the wallet through EIP-6963. Bundled by
 * dappServer.ts and driven by the end-to-end test and the benchmark through `window.dapp`, so every answer the
 * test asserts on came through viem in the page: addresses, hashes, signatures and their verification.
 */
import { createStore } from 'mipd';
import {
  createPublicClient,
  createWalletClient,
  custom,
  defineChain,
  type Address,
  type EIP1193Provider,
  type Hex,
  verifyMessage,
  verifyTypedData,
} from 'viem';

const LEDGERLINE_RDNS = 'app.ledgerline';
/** How long the page waits for the wallet to announce itself. */
const DISCOVERY_MS = 5_000;

/** A settled call: the page never lets a rejection escape into Playwright, so the test sees the code. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; code: number | null; message: string };

export interface ProviderEvent {
  name: string;
  data: unknown;
  at: number;
}

interface TypedDataInput {
  domain: Record<string, unknown>;
  types: Record<string, { name: string; type: string }[]>;
  primaryType: string;
  message: Record<string, unknown>;
}

/** A call as the test writes it: addresses and data as hex text, the value in wei as decimal text. */
interface CallInput {
  to: string;
  data?: string;
  value?: string;
}

const asCall = ({ to, data, value }: CallInput) => ({
  to: to as Address,
  data: data as Hex | undefined,
  value: value === undefined ? undefined : BigInt(value),
});

/** The innermost numeric `code` along viem's `cause` chain: the one the wallet sent. */
function errorCode(error: unknown): number | null {
  let code: number | null = null;
  for (let at = error as { code?: unknown; cause?: unknown } | undefined; at;) {
    if (typeof at.code === 'number') code = at.code;
    at = at.cause as typeof at | undefined;
  }
  return code;
}

async function settle<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, code: errorCode(error), message: message.slice(0, 500) };
  }
}

function findProvider(): Promise<{ provider: EIP1193Provider; name: string; rdns: string }> {
  const store = createStore();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no wallet announced ${LEDGERLINE_RDNS} in ${DISCOVERY_MS} ms`)),
      DISCOVERY_MS,
    );
    const unsubscribe = store.subscribe(
      () => {
        const found = store.findProvider({ rdns: LEDGERLINE_RDNS });
        if (!found) return;
        clearTimeout(timer);
        queueMicrotask(() => unsubscribe());
        resolve({ provider: found.provider, name: found.info.name, rdns: found.info.rdns });
      },
      { emitImmediately: true },
    );
  });
}

function createDapp() {
  const discovered = findProvider();
  const events: ProviderEvent[] = [];
  void discovered.then(({ provider }) => {
    for (const name of ['connect', 'disconnect', 'accountsChanged', 'chainChanged'] as const) {
      provider.on(name, (data: unknown) => events.push({ name, data, at: Date.now() }));
    }
  });
  const wallet = async () =>
    createWalletClient({ transport: custom((await discovered).provider, { retryCount: 0 }) });
  const reader = async () =>
    createPublicClient({ transport: custom((await discovered).provider, { retryCount: 0 }) });
  /** The chain the site is on now, as viem's actions that name one need it. */
  const currentChain = async () => {
    const id = await (await wallet()).getChainId();
    return defineChain({
      id,
      name: `Chain ${id}`,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [] } },
    });
  };
  const firstAccount = async () => {
    const [account] = await (await wallet()).getAddresses();
    if (!account) throw new Error('the site has no account: connect first');
    return account;
  };

  return {
    events,
    /** The wallet as EIP-6963 announced it. */
    discover: () => settle(async () => ({ name: (await discovered).name, rdns: (await discovered).rdns })),
    /** A raw EIP-1193 request, for methods viem has no action for and for malformed params. */
    request: (method: string, params?: unknown) =>
      settle(
        async () => (await discovered).provider.request({ method, params } as never) as Promise<unknown>,
      ),
    connect: () => settle(async () => (await wallet()).requestAddresses()),
    accounts: () => settle(async () => (await wallet()).getAddresses()),
    chainId: () => settle(async () => (await wallet()).getChainId()),
    switchChain: (id: number) => settle(async () => (await wallet()).switchChain({ id })),
    addChain: (chain: { id: number; name: string; rpcUrl: string; symbol: string }) =>
      settle(async () =>
        (await wallet()).addChain({
          chain: defineChain({
            id: chain.id,
            name: chain.name,
            nativeCurrency: { name: chain.symbol, symbol: chain.symbol, decimals: 18 },
            rpcUrls: { default: { http: [chain.rpcUrl] } },
          }),
        }),
      ),
    /** Sends, then waits for the receipt through the wallet's read methods (the user's own RPC). */
    sendTransaction: (call: CallInput) =>
      settle(async () => {
        const client = await wallet();
        const hash = await client.sendTransaction({
          account: await firstAccount(),
          chain: null,
          ...asCall(call),
        });
        const receipt = await (await reader()).waitForTransactionReceipt({ hash, pollingInterval: 250 });
        return { hash, status: receipt.status, blockNumber: Number(receipt.blockNumber) };
      }),
    signMessage: (message: string) =>
      settle(async () => {
        const address = await firstAccount();
        const signature = await (await wallet()).signMessage({ account: address, message });
        return { address, signature, valid: await verifyMessage({ address, message, signature }) };
      }),
    signTypedData: (typedData: TypedDataInput) =>
      settle(async () => {
        const address = await firstAccount();
        const parameters = { ...typedData, account: address } as Parameters<
          Awaited<ReturnType<typeof wallet>>['signTypedData']
        >[0];
        const signature = await (await wallet()).signTypedData(parameters);
        const valid = await verifyTypedData({ ...typedData, address, signature } as Parameters<
          typeof verifyTypedData
        >[0]);
        return { address, signature, valid };
      }),
    capabilities: () =>
      settle(async () => (await wallet()).getCapabilities({ account: await firstAccount() })),
    sendCalls: (calls: CallInput[]) =>
      settle(async () => {
        const { id } = await (
          await wallet()
        ).sendCalls({
          account: await firstAccount(),
          chain: await currentChain(),
          calls: calls.map(asCall),
        });
        return id;
      }),
    callsStatus: (id: string) =>
      settle(async () => {
        const status = await (await wallet()).getCallsStatus({ id });
        return {
          status: status.status,
          statusCode: status.statusCode,
          atomic: status.atomic,
          receipts: (status.receipts ?? []).map((receipt) => ({
            status: receipt.status,
            transactionHash: receipt.transactionHash,
            blockNumber: Number(receipt.blockNumber),
            logs: receipt.logs.length,
          })),
        };
      }),
    /** An eth_call through viem's public client, so reads take the same path a dApp's do. */
    call: (call: CallInput) => settle(async () => (await (await reader()).call(asCall(call))).data ?? null),
    /**
     * `count` sequential round trips of one read, timed in the page; milliseconds each. `everyMs` spaces their
     * starts, to stay under the desktop's bound on requests a second from one browser.
     */
    time: async (method: 'eth_chainId' | 'eth_call', count: number, call?: CallInput, everyMs = 0) => {
      const { provider } = await discovered;
      const params = method === 'eth_call' && call ? [{ to: call.to, data: call.data }, 'latest'] : [];
      const durations: number[] = [];
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        await provider.request({ method, params } as never);
        durations.push(performance.now() - started);
        const rest = everyMs - (performance.now() - started);
        if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
      }
      return durations;
    },
  };
}

export type Dapp = ReturnType<typeof createDapp>;

(globalThis as unknown as { dapp: Dapp }).dapp = createDapp();
