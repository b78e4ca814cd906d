import { secp256k1 } from '@noble/curves/secp256k1.js';
import { getAddress } from 'ethers';
import { SW, StatusWord } from './apdu';

/**
 * Ledger's production key for signed ERC-20 descriptors ("production key 2019-01-11 03:07PM
 * (erc20signer)"), as published in LedgerHQ/app-ethereum, src/tokens.h, LEDGER_SIGNATURE_PUBLIC_KEY (the
 * app checks the descriptor of E0 0A against it in
 * src_features/provideErc20TokenInformation/cmd_provideTokenInfo.c). Every chain-1 descriptor of
 * @ledgerhq/cryptoassets-evm-signatures verifies under it (test in emulatorTokens.test.ts).
 */
const LEDGER_CAL_PUBLIC_KEY =
  '045e6c1020c14dc46442fe89f97c0b68cdb15976dc24f24c316e7b30fe4e8cc76b1489150c21514ebf440ff5dea5393d83de5358cd098fce8fd0f81daa94979183';

/** The app's ticker buffer is 12 bytes with its terminator. */
const MAX_TICKER_LENGTH = 11;
/** How many tokens the app keeps between E0 0A and the signature (MAX_ASSETS). */
const MAX_ASSETS = 5;

export interface ProvidedToken {
  ticker: string;
  address: string;
  decimals: number;
  chainId: number;
}

/**
 * Parses `tickerLength ‖ ticker ‖ address(20) ‖ decimals(u32) ‖ chainId(u32) ‖ DER signature` and checks the
 * signature over SHA-256 of everything between the length byte and the signature, as the app does.
 * Anything malformed or not signed by Ledger answers 0x6a80.
 */
export function parseTokenInformation(data: Buffer): ProvidedToken {
  const tickerLength = data[0] ?? 0;
  if (data.length < 1 || tickerLength > MAX_TICKER_LENGTH) throw new StatusWord(SW.INVALID_DATA);
  const end = 1 + tickerLength + 20 + 4 + 4;
  if (data.length <= end) throw new StatusWord(SW.INVALID_DATA);
  const signed = data.subarray(1, end);
  if (!signedByLedger(data.subarray(end), signed)) throw new StatusWord(SW.INVALID_DATA);
  const at = 1 + tickerLength;
  return {
    ticker: data.subarray(1, at).toString('ascii'),
    address: getAddress(`0x${data.subarray(at, at + 20).toString('hex')}`),
    decimals: data.readUInt32BE(at + 20),
    chainId: data.readUInt32BE(at + 24),
  };
}

function signedByLedger(signature: Buffer, signed: Buffer): boolean {
  try {
    // Ledger's signer does not normalise s, so high-s signatures must pass as on the device.
    return secp256k1.verify(signature, signed, Buffer.from(LEDGER_CAL_PUBLIC_KEY, 'hex'), {
      format: 'der',
      lowS: false,
    });
  } catch {
    // Not DER at all.
    return false;
  }
}

/** The tokens provided for the next transaction: the app overwrites the oldest and forgets them all once it signed. */
export class ProvidedTokens {
  private readonly tokens: ProvidedToken[] = [];
  private next = 0;

  /** Returns the slot the app answers with. */
  add(token: ProvidedToken): number {
    const slot = this.next;
    this.tokens[slot] = token;
    this.next = (slot + 1) % MAX_ASSETS;
    return slot;
  }

  find(address: string | null, chainId: bigint): ProvidedToken | null {
    if (address === null) return null;
    const wanted = address.toLowerCase();
    return (
      this.tokens.find(
        (token) => token.address.toLowerCase() === wanted && BigInt(token.chainId) === chainId,
      ) ?? null
    );
  }

  clear(): void {
    this.tokens.length = 0;
    this.next = 0;
  }
}
