import type { ProposalTypes, Verify } from '@walletconnect/types';
import { SiteOrigin } from '../../../shared/dapps';
import type { SessionProposal } from '../dappGateway';
import { WALLETCONNECT_METHODS } from '../walletConnectMethods';
import { chainIdOf } from './caip';
import { toVerification } from './walletConnectVerify';

const MAX_CHAINS = 64;
const MAX_METHODS = 64;
const MAX_NAMESPACES = 16;
const MAX_URL = 2048;
const ALLOWED = new Set(WALLETCONNECT_METHODS);

/** Why a proposal is refused without asking the user, and the WalletConnect SDK error the dApp is sent. */
export interface Refusal {
  sdkError: 'UNSUPPORTED_CHAINS' | 'UNSUPPORTED_NAMESPACE_KEY' | 'USER_REJECTED';
  reason: string;
}

export type ReadProposal = { proposal: SessionProposal } | { refusal: Refusal };

/** Control and format characters stripped, whitespace collapsed, capped: text from the dApp shown as text. */
export function cleanText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  return value
    .slice(0, max * 4)
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

/** The origin of the URL a dApp claims, if it is one a site may have (https, or loopback http). */
export function claimedOrigin(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.length > MAX_URL) return undefined;
  try {
    const origin = new URL(url).origin;
    return SiteOrigin.safeParse(origin).success ? origin : undefined;
  } catch {
    return undefined;
  }
}

interface NamespaceAsk {
  keys: string[];
  chains: unknown[];
  methods: unknown[];
}

/** A namespace map as sent: its keys, and the chains (listed, or in the key) and methods of all of them. */
function namespaceAsk(namespaces: unknown): NamespaceAsk {
  const ask: NamespaceAsk = { keys: [], chains: [], methods: [] };
  if (typeof namespaces !== 'object' || namespaces === null) return ask;
  for (const [key, value] of Object.entries(namespaces).slice(0, MAX_NAMESPACES)) {
    ask.keys.push(key);
    const { chains, methods } = (typeof value === 'object' && value !== null ? value : {}) as {
      chains?: unknown;
      methods?: unknown;
    };
    // A key like `eip155:1` names its one chain itself (CAIP-25).
    if (key.includes(':')) ask.chains.push(key);
    if (Array.isArray(chains)) ask.chains.push(...chains.slice(0, MAX_CHAINS));
    if (Array.isArray(methods)) ask.methods.push(...methods.slice(0, MAX_METHODS));
  }
  return ask;
}

const isEvm = (key: string) => key === 'eip155' || key.startsWith('eip155:');

/**
 * Reads a dApp's session proposal, which is hostile input: the metadata is cleaned and capped and its URL must
 * have a site's origin; only EVM namespaces are served; a required chain the wallet does not know refuses the
 * whole proposal, an optional one is dropped; the methods are the dApp's ask cut to what a session may call.
 * `knownChain` says whether the wallet knows a chain at all (enabled or not: the user may grant it).
 */
export function readProposal(
  params: ProposalTypes.Struct,
  verifyContext: Verify.Context | undefined,
  knownChain: (chainId: number) => boolean,
): ReadProposal {
  const sent: unknown = params.proposer?.metadata;
  const metadata = (typeof sent === 'object' && sent !== null ? sent : {}) as Partial<
    Record<string, unknown>
  >;
  const origin = claimedOrigin(metadata.url);
  if (!origin) {
    const reason = 'The dApp does not name a web address (https) the wallet can show; it was not asked.';
    return { refusal: { sdkError: 'USER_REJECTED', reason } };
  }
  const required = namespaceAsk(params.requiredNamespaces);
  const optional = namespaceAsk(params.optionalNamespaces);
  const foreign = required.keys.find((key) => !isEvm(key));
  if (foreign !== undefined) {
    const reason = `The wallet serves only EVM chains (eip155); the dApp requires ${cleanText(foreign, 40)}.`;
    return { refusal: { sdkError: 'UNSUPPORTED_NAMESPACE_KEY', reason } };
  }
  const requiredIds = required.chains.map(chainIdOf);
  const unknown = requiredIds.find((id) => id === undefined || !knownChain(id));
  if (requiredIds.length > 0 && unknown !== undefined) {
    const reason = `The dApp requires a chain the wallet does not know (${unknown ?? 'not an EVM chain'}).`;
    return { refusal: { sdkError: 'UNSUPPORTED_CHAINS', reason } };
  }
  const requiredChainIds = unique(requiredIds as number[]);
  const optionalChainIds = unique(
    optional.keys.some(isEvm) ? optional.chains.map(chainIdOf) : ([] as (number | undefined)[]),
  ).filter((id) => knownChain(id) && !requiredChainIds.includes(id));
  if (requiredChainIds.length + optionalChainIds.length === 0) {
    const reason = 'The dApp asks for no EVM chain the wallet knows.';
    return { refusal: { sdkError: 'UNSUPPORTED_CHAINS', reason } };
  }
  const asked = [...required.methods, ...optional.methods].filter(
    (method): method is string => typeof method === 'string' && ALLOWED.has(method),
  );
  return {
    proposal: {
      origin,
      name: cleanText(metadata.name, 80) || new URL(origin).host,
      description: cleanText(metadata.description, 300),
      url: (metadata.url as string).slice(0, MAX_URL),
      verification: toVerification(verifyContext),
      requiredChainIds,
      optionalChainIds: optionalChainIds.slice(0, MAX_CHAINS - requiredChainIds.length),
      methods: unique(asked),
    },
  };
}

function unique<T>(values: (T | undefined)[]): T[] {
  return [...new Set(values.filter((value): value is T => value !== undefined))];
}
