import { ChainId } from '../../../shared/chains/chain';

const CHAIN = /^eip155:(\d{1,15})$/;
const ACCOUNT = /^eip155:(\d{1,15}):(0x[0-9a-fA-F]{40})$/;

/** `eip155:<id>`, as WalletConnect names an EVM chain (CAIP-2). */
export const caipChain = (chainId: number) => `eip155:${chainId}`;

/** `eip155:<id>:<address>` (CAIP-10). */
export const caipAccount = (chainId: number, address: string) => `eip155:${chainId}:${address}`;

/** The chain id of a CAIP-2 EVM chain; undefined for anything else (another namespace, a malformed id). */
export function chainIdOf(caip: unknown): number | undefined {
  const match = typeof caip === 'string' ? CHAIN.exec(caip) : null;
  const parsed = match && ChainId.safeParse(Number(match[1]));
  return parsed?.success ? parsed.data : undefined;
}

/** The chain and lower-cased address of a CAIP-10 EVM account; undefined for anything else. */
export function accountOf(caip: unknown): { chainId: number; address: string } | undefined {
  const match = typeof caip === 'string' ? ACCOUNT.exec(caip) : null;
  const chainId = match ? chainIdOf(`eip155:${match[1]}`) : undefined;
  return match?.[2] && chainId !== undefined ? { chainId, address: match[2].toLowerCase() } : undefined;
}
