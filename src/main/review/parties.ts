import { shortAddress } from '../../shared/format/shortAddress';
import type { NameSource, Party } from '../../shared/review';
import type { ChecksumAddress } from '../store/address';

/** Party names are shown in one line; a longer label is cut rather than refused. */
const MAX_NAME_LENGTH = 100;

/** Uniswap's Permit2, whose own approve() and signatures move tokens on behalf of the apps it serves. */
export const PERMIT2_ADDRESS = '0x000000000022D473030F116dDEE9F6B43aC78BA3' as ChecksumAddress;

/**
 * Contracts deployed at the same address on every EVM chain (by deterministic deployment), so their name
 * holds whatever the chain. Naming them lets "Approve Permit2 to spend…" read as what it is.
 */
export const KNOWN_CONTRACTS: ReadonlyMap<ChecksumAddress, string> = new Map([
  [PERMIT2_ADDRESS, 'Permit2'],
  ['0x00000000000000ADc04C56Bf30aC9d3c0aAF14dC' as ChecksumAddress, 'Seaport 1.5'],
  ['0x0000000000000068F116a894984e2DB1123eB395' as ChecksumAddress, 'Seaport 1.6'],
  ['0xcA11bde05977b3631167028862bE2a173976CA11' as ChecksumAddress, 'Multicall3'],
  ['0x5FF137D4b0FDCD49DcA30c7CF57E578a026d2789' as ChecksumAddress, 'ERC-4337 EntryPoint 0.6'],
  ['0x0000000071727De22E5E9d8BAf0edAc6f37da032' as ChecksumAddress, 'ERC-4337 EntryPoint 0.7'],
]);

export interface PartySources {
  accounts: readonly { address: string; label: string }[];
  /** Already filtered to the chain. */
  addressBook: readonly { address: string; name: string }[];
  labels: readonly { address: string; name: string }[];
  tokens: (address: ChecksumAddress) => { symbol: string; name?: string } | null;
  chainId: number;
}

/**
 * Names for addresses with their source: accounts > address book > labels > token list > known contracts.
 * The user's own names come first because they are what the user recognises and chose; a token list or the
 * shipped table only fill in what the user has not named.
 */
export class PartyNames {
  /** Lowercase address → the highest-ranked of the user's own names. */
  private readonly own = new Map<string, { name: string; source: NameSource }>();
  private readonly tokens: PartySources['tokens'];

  constructor(sources: PartySources) {
    this.tokens = sources.tokens;
    const ranked: [readonly { address: string; name: string }[], NameSource][] = [
      [sources.accounts.map(({ address, label }) => ({ address, name: label })), 'account'],
      [sources.addressBook, 'address-book'],
      [sources.labels, 'label'],
    ];
    for (const [entries, source] of ranked) {
      for (const { address, name } of entries) {
        const key = address.toLowerCase();
        const trimmed = name.trim();
        if (trimmed && !this.own.has(key)) this.own.set(key, { name: trimmed, source });
      }
    }
  }

  party(address: ChecksumAddress): Party {
    const own = this.own.get(address.toLowerCase());
    if (own) return named(address, own.name, own.source);
    const token = this.tokens(address);
    // The ticker is what amounts and device screens show; the long name only stands in for a missing one.
    const tokenName = token && (token.symbol.trim() || token.name?.trim());
    if (tokenName) return named(address, tokenName, 'token-list');
    const known = KNOWN_CONTRACTS.get(address);
    if (known) return named(address, known, 'known-contract');
    return { address, name: null, source: 'none' };
  }
}

function named(address: ChecksumAddress, name: string, source: NameSource): Party {
  const shown = name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH - 1)}…` : name;
  return { address, name: shown, source };
}

/** How a party reads in a sentence: its name when the wallet has one, else its shortened address. */
export function partyName(party: Party): string {
  return party.name ?? shortAddress(party.address);
}
