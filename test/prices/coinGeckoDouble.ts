import { once } from 'node:events';
import { createServer } from 'node:http';

/**
 * A local stand-in for CoinGecko's public API, serving the two endpoints the price service uses
 * (`/simple/token_price/{platform}` and `/simple/price`) in the shape CoinGecko documents: an object keyed by
 * lower-case contract (or coin id), each with a number per requested currency and `last_updated_at`. It
 * counts every request, so a test can show that none arrived.
 */
export interface CoinGeckoRequest {
  path: string;
  params: Record<string, string>;
}

/** Prices as JSON number text (`"1.5e-7"` is sent as that very number), per lower-case currency code. */
export interface DoublePrice {
  prices: Record<string, string>;
  updatedAt: number;
}

export interface CoinGeckoDouble {
  /** The API base, like `https://api.coingecko.com/api/v3`. */
  readonly url: string;
  readonly requests: CoinGeckoRequest[];
  /** Prices a token contract on a platform (`ethereum`, `optimistic-ethereum`, …). */
  setTokenPrice(platform: string, contract: string, price: DoublePrice): void;
  /** Prices a coin by its id (`ethereum`, `polygon-ecosystem-token`, …). */
  setCoinPrice(id: string, price: DoublePrice): void;
  /** Every later answer is this status and raw body instead, until called with null. */
  failWith(reply: { status: number; body: string } | null): void;
  close(): Promise<void>;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

function entryJson(price: DoublePrice, currencies: string[]): string {
  const fields = currencies
    .filter((currency) => price.prices[currency] !== undefined)
    .map((currency) => {
      const text = price.prices[currency] as string;
      if (!NUMBER.test(text)) throw new Error(`"${text}" is not a JSON number`);
      return `${JSON.stringify(currency)}:${text}`;
    });
  return `{${[...fields, `"last_updated_at":${price.updatedAt}`].join(',')}}`;
}

export async function startCoinGeckoDouble(): Promise<CoinGeckoDouble> {
  const requests: CoinGeckoRequest[] = [];
  const tokens = new Map<string, DoublePrice>();
  const coins = new Map<string, DoublePrice>();
  let failure: { status: number; body: string } | null = null;

  const answer = (path: string, params: Record<string, string>): { status: number; body: string } => {
    if (failure) return failure;
    const platform = /^\/api\/v3\/simple\/token_price\/([^/]+)$/.exec(path)?.[1];
    const [keys, known] =
      platform !== undefined
        ? [params.contract_addresses, (key: string) => tokens.get(`${platform}:${key}`)]
        : path === '/api/v3/simple/price'
          ? [params.ids, (key: string) => coins.get(key)]
          : [null, () => undefined];
    if (keys === null) return { status: 404, body: '{"error":"Not found"}' };
    const currencies = (params.vs_currencies ?? '').split(',').filter(Boolean);
    if (keys === undefined || currencies.length === 0) {
      return { status: 400, body: '{"error":"Missing parameter"}' };
    }
    const entries = keys
      .split(',')
      .map((raw) => raw.toLowerCase())
      .flatMap((key) => {
        const price = known(key);
        return price ? [`${JSON.stringify(key)}:${entryJson(price, currencies)}`] : [];
      });
    return { status: 200, body: `{${entries.join(',')}}` };
  };

  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const request = { path: url.pathname, params: Object.fromEntries(url.searchParams) };
    requests.push(request);
    const reply = answer(request.path, request.params);
    outgoing.writeHead(reply.status, { 'content-type': 'application/json' });
    outgoing.end(reply.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/api/v3`,
    requests,
    setTokenPrice: (platform, contract, price) => tokens.set(`${platform}:${contract.toLowerCase()}`, price),
    setCoinPrice: (id, price) => coins.set(id, price),
    failWith: (reply) => (failure = reply),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
