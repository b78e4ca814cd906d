import type { Party } from '../../../src/shared/review';
import { type ChecksumAddress, toChecksumAddress } from '../../../src/main/store/address';
import type { TypedDataContext, TypedDataInput } from '../../../src/main/review/typedData/reviewTypedData';

/** Realistic mainnet addresses, so payloads read like the ones dapps send. */
export const OWNER = toChecksumAddress('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
export const ROUTER = toChecksumAddress('0x3fc91a3afd70395cd496c647d5a6cc9d4b2b7fad');
export const USDC = toChecksumAddress('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');
export const DAI = toChecksumAddress('0x6b175474e89094c44da98b954eedeac495271d0f');
export const WETH = toChecksumAddress('0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2');
export const PERMIT2 = toChecksumAddress('0x000000000022d473030f116ddee9f6b43ac78ba3');
export const SEAPORT = toChecksumAddress('0x0000000000000068f116a894984e2db1123eb395');
export const BAYC = toChecksumAddress('0xbc4ca0eda7647a8ab7c2061c2e118a18a936f13d');
/** A plain account with no code, as a drainer's collector is. */
export const STRANGER = toChecksumAddress('0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc');
export const UNLISTED_TOKEN = toChecksumAddress('0x1111111111111111111111111111111111111111');

/** 6 Dec 2026 00:00 UTC. */
export const NOW = Date.UTC(2026, 11, 6) / 1000;
export const DAY = 86_400;
export const MAX_UINT256 = (2n ** 256n - 1n).toString();
export const MAX_UINT160 = (2n ** 160n - 1n).toString();
export const MAX_UINT48 = (2n ** 48n - 1n).toString();

const NAMES = new Map<string, Pick<Party, 'name' | 'source'>>([
  [ROUTER, { name: 'Uniswap Universal Router', source: 'label' }],
  [USDC, { name: 'USDC', source: 'token-list' }],
  [DAI, { name: 'DAI', source: 'token-list' }],
  [WETH, { name: 'WETH', source: 'token-list' }],
  [PERMIT2, { name: 'Permit2', source: 'known-contract' }],
  [SEAPORT, { name: 'Seaport 1.6', source: 'known-contract' }],
  [OWNER, { name: 'Main', source: 'account' }],
]);
const TOKENS = new Map<string, { symbol: string; decimals: number }>([
  [USDC, { symbol: 'USDC', decimals: 6 }],
  [DAI, { symbol: 'DAI', decimals: 18 }],
  [WETH, { symbol: 'WETH', decimals: 18 }],
  [BAYC, { symbol: 'BAYC', decimals: 0 }],
]);
const CONTRACTS = new Set<string>([ROUTER, USDC, DAI, WETH, PERMIT2, SEAPORT, BAYC]);

/** The wallet as the lead wires it: names, token facts, code read for every spender, a fixed clock. */
export function context(overrides: Partial<TypedDataContext> = {}): TypedDataContext {
  return {
    from: { accountId: 1, address: OWNER, label: 'Main' },
    activeChainId: 1,
    party: (address: ChecksumAddress) => ({
      address,
      ...(NAMES.get(address) ?? { name: null, source: 'none' }),
    }),
    token: (chainId, address) => (chainId === 1 ? (TOKENS.get(address) ?? null) : null),
    hasCode: (address) => CONTRACTS.has(address),
    now: NOW,
    ...overrides,
  };
}

const DOMAIN_FIELDS = { name: 'string', version: 'string', chainId: 'uint256', verifyingContract: 'address' };

/** An EIP712Domain type of the standard fields named, in EIP-712's order. */
export function domainType(...names: (keyof typeof DOMAIN_FIELDS)[]): { name: string; type: string }[] {
  return Object.entries(DOMAIN_FIELDS)
    .filter(([name]) => names.includes(name as keyof typeof DOMAIN_FIELDS))
    .map(([name, type]) => ({ name, type }));
}

/** Uniswap's interface signing a PermitSingle for its Universal Router: unlimited, for 30 days. */
export function permit2Single(
  details: { token?: string; amount?: string; expiration?: number | string } = {},
  message: Record<string, unknown> = {},
): TypedDataInput {
  return {
    domain: { name: 'Permit2', chainId: 1, verifyingContract: PERMIT2 },
    types: {
      EIP712Domain: domainType('name', 'chainId', 'verifyingContract'),
      PermitSingle: [
        { name: 'details', type: 'PermitDetails' },
        { name: 'spender', type: 'address' },
        { name: 'sigDeadline', type: 'uint256' },
      ],
      PermitDetails: [
        { name: 'token', type: 'address' },
        { name: 'amount', type: 'uint160' },
        { name: 'expiration', type: 'uint48' },
        { name: 'nonce', type: 'uint48' },
      ],
    },
    primaryType: 'PermitSingle',
    message: {
      details: { token: USDC, amount: MAX_UINT160, expiration: NOW + 30 * DAY, nonce: 0, ...details },
      spender: ROUTER.toLowerCase(),
      sigDeadline: String(NOW + 30 * 60),
      ...message,
    },
  };
}

/** USDC's EIP-2612 permit, as a dapp asks it of the token itself. */
export function eip2612Permit(
  message: Record<string, unknown> = {},
  domain: Record<string, unknown> = {},
): TypedDataInput {
  return {
    domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: USDC, ...domain },
    types: {
      EIP712Domain: domainType('name', 'version', 'chainId', 'verifyingContract'),
      Permit: [
        { name: 'owner', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'value', type: 'uint256' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
      ],
    },
    primaryType: 'Permit',
    message: { owner: OWNER, spender: ROUTER, value: '25000000', nonce: 0, deadline: NOW + 3600, ...message },
  };
}
