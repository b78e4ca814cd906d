import { recoverAddress, Signature } from 'ethers';
import { afterEach, describe, expect, it } from 'vitest';
import { EmulatedHidBus } from '../../../test/ledger/emulatedHidBus';
import { LedgerEmulator } from '../../../test/ledger/ledgerEmulator';
import { sendFields } from '../../../test/safes/safeRows';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import type { EventName, EventPayload } from '../../shared/api/contract';
import type { SigningRequestView } from '../../shared/devices';
import { hashSafeTx, SAFE_TX_TYPES } from '../../shared/pairing/safeTx';
import { createEventHub } from '../api/events';
import { createLogger } from '../log';
import { toChecksumAddress } from '../store/address';
import { createRepositories } from '../store/repositories';
import { LedgerDeviceSource } from './ledger/ledgerDeviceSource';
import type { SafeSigningRequest } from './safeSigning';
import { SignersService } from './signersService';

const temp = useTempDatabase('safe-signing-');
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

const SAFE = toChecksumAddress('0x3333333333333333333333333333333333333333');
const OTHER_OWNER = toChecksumAddress('0x4444444444444444444444444444444444444444');
const fields = sendFields(0);
const HASH = hashSafeTx(1, SAFE, fields);
/** The SafeTx as EIP-712 typed data, amounts as decimal text, as the Safes service hands it in. */
const typedData = {
  domain: { chainId: 1, verifyingContract: SAFE },
  types: {
    EIP712Domain: [
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    SafeTx: [...SAFE_TX_TYPES.SafeTx],
  },
  primaryType: 'SafeTx',
  message: { ...fields, nonce: String(fields.nonce) },
};

/** A Ledger holding the test seed, its first account an owner of SAFE beside another key. */
async function harness(emulator = new LedgerEmulator()) {
  const repositories = createRepositories(temp.db);
  const events = createEventHub();
  const requests: SigningRequestView[] = [];
  events.subscribe((name: EventName, payload: EventPayload<EventName>) => {
    if (name === 'signing.request') requests.push(structuredClone(payload as SigningRequestView));
  });
  const bus = new EmulatedHidBus();
  const service = new SignersService({
    db: temp.db,
    repositories,
    sources: [new LedgerDeviceSource(bus)],
    activity: async () => [],
    events,
    log: createLogger('signers', () => {}),
    recheckMs: 0,
    activeChainId: () => 1,
  });
  await service.start();
  stops.push(() => service.stop());
  bus.plug('hid-1', emulator);
  await expect.poll(() => service.list()[0]?.state).toBe('ready');
  const [account] = await service.addAccounts({
    deviceId: service.list()[0]?.id as string,
    accounts: [{ scheme: 'ledger-live', index: 0 }],
  });
  if (!account) throw new Error('no account');
  const request = (overrides: Partial<SafeSigningRequest> = {}): SafeSigningRequest => ({
    chainId: 1,
    safe: { address: SAFE, version: '1.4.1', owners: [account.address, OTHER_OWNER], threshold: 2 },
    fields,
    safeTxHash: HASH,
    typedData,
    confirmations: [],
    warnings: [],
    ...overrides,
  });
  return { service, emulator, repositories, requests, account, request };
}

const signerOf = (parts: { r: string; s: string; yParity: 0 | 1 }) =>
  recoverAddress(HASH, Signature.from(parts));

describe('SignersService.signSafeTransaction on a Ledger', () => {
  it('clear-signs the SafeTx as EIP-712 and returns a signature of the Safe transaction hash', async () => {
    const h = await harness();
    const signed = await h.service.signSafeTransaction(h.account.id, h.request(), {
      allowBlindSigning: false,
    });
    expect(signed).toMatchObject({
      mode: 'clear',
      signer: { kind: 'ledger', fingerprint: expect.any(String) },
    });
    expect(signerOf(signed.signature)).toBe(h.account.address);
    expect(h.repositories.signatures.byDigest(HASH)).toEqual([
      expect.objectContaining({ kind: 'typed-data', chainId: 1, signer: 'ledger' }),
    ]);
    expect(h.requests[0]).toMatchObject({
      action: 'typed-data',
      blind: false,
      check: expect.arrayContaining([{ label: 'Contract', value: SAFE }]),
    });
  });

  it('refuses to sign blind unless the user allowed it, and then signs only the hashes', async () => {
    const h = await harness(new LedgerEmulator({ app: { name: 'Ethereum', version: '1.9.0' } }));
    const asked = h.emulator.exchangeCount;
    await expect(
      h.service.signSafeTransaction(h.account.id, h.request(), { allowBlindSigning: false }),
    ).rejects.toMatchObject({ state: 'blind_signing_required' });
    expect(h.emulator.exchangeCount).toBe(asked);
    const signed = await h.service.signSafeTransaction(h.account.id, h.request(), {
      allowBlindSigning: true,
    });
    expect(signed.mode).toBe('hashed');
    expect(signerOf(signed.signature)).toBe(h.account.address);
    expect(h.requests.at(-1)).toMatchObject({ blind: true, status: 'done' });
  });

  it('refuses, before the device is asked, a hash that is not of these fields or an account that is no owner', async () => {
    const h = await harness();
    const asked = h.emulator.exchangeCount;
    const tampered = h.request({
      typedData: { ...typedData, message: { ...typedData.message, value: '1' } },
    });
    await expect(
      h.service.signSafeTransaction(h.account.id, tampered, { allowBlindSigning: false }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('does not hash to the Safe transaction hash'),
    });
    const notOwner = h.request({
      safe: { address: SAFE, version: '1.4.1', owners: [OTHER_OWNER], threshold: 1 },
    });
    await expect(
      h.service.signSafeTransaction(h.account.id, notOwner, { allowBlindSigning: false }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      message: `${h.account.address} is not an owner of the Safe ${SAFE}. Nothing was signed.`,
    });
    expect(h.emulator.exchangeCount).toBe(asked);
    expect(h.requests).toEqual([]);
  });
});
