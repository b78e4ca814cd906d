import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { hashMessage, recoverAddress, Signature, Transaction, TypedDataEncoder } from 'ethers';
import type { SignatureParts, Signer, UnsignedTransaction } from '../../../src/main/signers/signer';
import {
  createTrezorConnect,
  type TrezorConnectApi,
  type TrezorConnectPackage,
} from '../../../src/main/signers/trezor/trezorConnectApi';
import { TrezorDeviceSource } from '../../../src/main/signers/trezor/trezorDeviceSource';
import type { ChecksumAddress } from '../../../src/main/store/address';
import { expectedAddress, MAIL, typesWithoutDomain } from '../../signing/fixtures';
import { EmulatedTrezor } from '../bridge/emulatedTrezor';
import { blockOutboundNetwork } from '../bridge/networkGuard';
import { recordingListener } from '../bridge/recordingListener';
import { TestTrezorBridge } from '../bridge/testBridge';

/** Where the packaged app keeps the Trezor bundle (scripts/build-trezor.mjs writes it beside electron.cjs). */
export const PACKAGED_TREZOR_BUNDLE = path.join('dist', 'main', 'trezor-connect.cjs');

const FIRST = "m/44'/60'/0'/0/0";
const MESSAGE = 'Ledgerline packaged-layout check';
const TRANSFER = {
  chainId: 1n,
  nonce: 7,
  to: '0x000000000000000000000000000000000000dEaD' as ChecksumAddress,
  value: 10n ** 15n,
  data: '0x',
  gasLimit: 21_000n,
};
const TRANSACTIONS: UnsignedTransaction[] = [
  { ...TRANSFER, type: 2, maxFeePerGas: 30_000_000_000n, maxPriorityFeePerGas: 10n ** 9n },
  { ...TRANSFER, type: 0, gasPrice: 20_000_000_000n },
];
const CHECK_TIMEOUT_MS = 60_000;
/**
 * The SDKs of chains Ledgerline does not sign for, by the package paths esbuild writes above each module it
 * bundles: none may be inside.
 */
const OTHER_CHAIN_SDKS =
  /node_modules\/(@stellar\/[\w.-]+|xrpl|ripple-[\w-]+|@solana(-program)?\/[\w.-]+|@emurgo\/[\w.-]+|@fivebinaries\/[\w.-]+)\//g;
/**
 * TrezorConnect asks data.trezor.io for Ethereum network definitions when it signs a message or typed data;
 * refused, it signs without them (test/trezor/README.md). Any other connection off this machine fails the check.
 */
const DEFINITIONS_SOURCE = 'data.trezor.io:443';

export interface PackagedTrezorResult {
  bundle: string;
  bundleBytes: number;
  /** Where the bundle's `require('usb')` resolved: inside the app directory. */
  usb: string;
  address: string;
  /** The address each signature (EIP-1559 and legacy transactions, personal message, EIP-712) recovers to. */
  recovered: Record<string, string>;
  /** Connections off 127.0.0.1 that were attempted and refused: at most the definitions source. */
  refusedConnections: string[];
}

/** A failed packaged check, with what failed in words. */
export class PackagedTrezorCheckError extends Error {
  override readonly name = 'PackagedTrezorCheckError';
}

/**
 * Runs the wallet's Trezor code (createTrezorConnect, TrezorDeviceSource, TrezorSigner) on the TrezorConnect
 * bundle of a packaged app directory (app.asar extracted, app.asar.unpacked copied over it), against the test
 * bridge with an emulated Trezor on 127.0.0.1, with every connection elsewhere refused.
 */
export async function runPackagedTrezorCheck(appDir: string): Promise<PackagedTrezorResult> {
  const bundle = path.resolve(appDir, PACKAGED_TREZOR_BUNDLE);
  if (!existsSync(bundle)) throw new PackagedTrezorCheckError(`${bundle} is missing from the packaged app`);
  const sdks = new Set([...readFileSync(bundle, 'utf8').matchAll(OTHER_CHAIN_SDKS)].map(([, name]) => name));
  if (sdks.size > 0) {
    throw new PackagedTrezorCheckError(
      `the Trezor bundle carries other chains' SDKs: ${[...sdks].join(', ')}`,
    );
  }
  const requireFromBundle = createRequire(bundle);
  const usb = resolveInside(appDir, () => requireFromBundle.resolve('usb'));
  const load = (): Promise<TrezorConnectPackage> =>
    Promise.resolve(requireFromBundle(bundle) as TrezorConnectPackage);
  const signed = await withDeadline(signOnBridge(load), CHECK_TIMEOUT_MS);
  return { bundle, bundleBytes: statSync(bundle).size, usb, ...signed };
}

function resolveInside(appDir: string, resolve: () => string): string {
  let resolved: string;
  try {
    resolved = resolve();
  } catch (error) {
    throw new PackagedTrezorCheckError(`the Trezor bundle cannot load usb: ${String(error)}`);
  }
  const relative = path.relative(path.resolve(appDir), resolved);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new PackagedTrezorCheckError(`usb resolves outside the packaged app, to ${resolved}`);
  }
  return resolved;
}

async function signOnBridge(
  load: () => Promise<TrezorConnectPackage>,
): Promise<Omit<PackagedTrezorResult, 'bundle' | 'bundleBytes' | 'usb'>> {
  const guard = blockOutboundNetwork();
  const bridge = new TestTrezorBridge();
  let connect: TrezorConnectApi | null = null;
  let source: TrezorDeviceSource | null = null;
  try {
    connect = await createTrezorConnect({ bridgePort: await bridge.start(), load });
    source = new TrezorDeviceSource({ connect });
    const listener = recordingListener();
    await source.start(listener);
    bridge.plugIn(new EmulatedTrezor());
    const { signer } = await listener.nextAttached();
    const [address = ''] = await signer.getAddresses([FIRST]);
    const expected = expectedAddress(FIRST);
    if (address !== expected) {
      throw new PackagedTrezorCheckError(`the first Ethereum address is ${address}, expected ${expected}`);
    }
    const recovered = await recoverEachSignature(signer);
    for (const [what, signedBy] of Object.entries(recovered)) {
      if (signedBy !== expected) {
        throw new PackagedTrezorCheckError(
          `the ${what} signature recovers to ${signedBy}, expected ${expected}`,
        );
      }
    }
    const elsewhere = guard.attempts.filter((attempt) => attempt !== DEFINITIONS_SOURCE);
    if (elsewhere.length > 0) {
      throw new PackagedTrezorCheckError(
        `connections off this machine were attempted: ${elsewhere.join(', ')}`,
      );
    }
    return { address, recovered, refusedConnections: [...guard.attempts] };
  } finally {
    await source?.stop();
    connect?.dispose();
    await bridge.stop();
    guard.restore();
  }
}

/** Signs each kind of request the wallet sends a Trezor; names the address each signature recovers to. */
async function recoverEachSignature(signer: Signer): Promise<Record<string, string>> {
  const recovered: Record<string, string> = {};
  for (const transaction of TRANSACTIONS) {
    const parts = await signer.signTransaction(FIRST, transaction);
    recovered[`${transaction.type === 2 ? 'EIP-1559' : 'legacy'} transaction`] = recover(
      Transaction.from({ ...transaction }).unsignedHash,
      parts,
    );
  }
  const message = new TextEncoder().encode(MESSAGE);
  recovered['personal message'] = recover(
    hashMessage(message),
    await signer.signPersonalMessage(FIRST, message),
  );
  const typed = await signer.signTypedData(FIRST, MAIL);
  recovered['EIP-712 typed data'] = recover(
    TypedDataEncoder.hash(MAIL.domain, typesWithoutDomain(MAIL), MAIL.message),
    typed.signature,
  );
  return recovered;
}

function recover(digest: string, parts: SignatureParts): string {
  return recoverAddress(digest, Signature.from({ r: parts.r, s: parts.s, yParity: parts.yParity }));
}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new PackagedTrezorCheckError(`the Trezor check did not finish within ${ms / 1000} s`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
