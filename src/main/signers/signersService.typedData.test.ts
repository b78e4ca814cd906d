import { recoverAddress, verifyTypedData } from 'ethers';
import { afterEach, describe, expect, it } from 'vitest';
import { EmulatedHidBus } from '../../../test/ledger/emulatedHidBus';
import { SITE_ORIGIN_FINDING } from '../../../test/dapps/signingFixtures';
import { LedgerEmulator } from '../../../test/ledger/ledgerEmulator';
import { MAIL, typesWithoutDomain } from '../../../test/signing/fixtures';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import type { EventName, EventPayload } from '../../shared/api/contract';
import {
  BLIND_SIGNING_WARNING,
  MISSING_CHAIN_ID_WARNING,
  SignTypedData,
  type SigningRequestView,
} from '../../shared/devices';
import { createEventHub } from '../api/events';
import { createLogger } from '../log';
import { createRepositories } from '../store/repositories';
import { LedgerDeviceSource } from './ledger/ledgerDeviceSource';
import type { TypedData } from './signer';
import { SignersService } from './signersService';
import { typedDataHashes } from './typedDataHash';

const temp = useTempDatabase('signers-typed-');
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

const { chainId: _chainId, ...DOMAIN_WITHOUT_CHAIN } = MAIL.domain;
const NO_CHAIN: TypedData = {
  ...MAIL,
  domain: DOMAIN_WITHOUT_CHAIN,
  types: { ...MAIL.types, EIP712Domain: (MAIL.types.EIP712Domain ?? []).filter((f) => f.name !== 'chainId') },
};

/** A Ledger holding the test seed, with main's active chain under the test's control. */
async function harness(emulator = new LedgerEmulator()) {
  const repositories = createRepositories(temp.db);
  const events = createEventHub();
  const requests: SigningRequestView[] = [];
  events.subscribe((name: EventName, payload: EventPayload<EventName>) => {
    if (name === 'signing.request') requests.push(structuredClone(payload as SigningRequestView));
  });
  const chain = { active: 1 };
  const bus = new EmulatedHidBus();
  const service = new SignersService({
    db: temp.db,
    repositories,
    sources: [new LedgerDeviceSource(bus)],
    activity: async () => [],
    events,
    log: createLogger('signers', () => {}),
    recheckMs: 0,
    activeChainId: () => chain.active,
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
  const sign = (typedData: TypedData, consent: Partial<SignTypedData> = {}) =>
    service.signTypedData({ accountId: account.id, typedData, ...consent });
  return { service, emulator, repositories, requests, chain, account, sign };
}

describe('SignersService typed data', () => {
  it('clear-signs EIP-712 on a current app, recorded under the chain main checked', async () => {
    const h = await harness();
    const clear = await h.sign(MAIL);
    expect(clear.mode).toBe('clear');
    expect(verifyTypedData(MAIL.domain, typesWithoutDomain(MAIL), MAIL.message, clear.signature)).toBe(
      h.account.address,
    );
    expect(h.repositories.signatures.byDigest(typedDataHashes(MAIL).digest)).toEqual([
      expect.objectContaining({ kind: 'typed-data', chainId: 1 }),
    ]);
  });

  it('checks the domain chain against the chain main holds, never one the page sends', async () => {
    const h = await harness();
    expect(SignTypedData.safeParse({ accountId: h.account.id, chainId: 1, typedData: MAIL }).success).toBe(
      false,
    );
    h.chain.active = 10;
    const before = h.emulator.exchangeCount;
    await expect(h.sign(MAIL)).rejects.toMatchObject({
      code: 'chain_mismatch',
      message: expect.stringContaining('This request is for Ethereum, but you are on OP Mainnet.'),
    });
    expect(h.emulator.exchangeCount).toBe(before);
    h.chain.active = 1;
    expect((await h.sign(MAIL)).mode).toBe('clear');
  });

  it('checks against the chain a caller names (a dApp’s) instead, with its findings leading the review', async () => {
    const h = await harness();
    h.chain.active = 10;
    const site = SITE_ORIGIN_FINDING;
    const options = { chainId: 1, leadingFindings: [site] };
    const review = await h.service.reviewTypedData({ accountId: h.account.id, typedData: MAIL }, options);
    expect(review.findings[0]).toEqual(site);
    const { signature } = await h.service.signTypedData(
      { accountId: h.account.id, typedData: MAIL },
      options,
    );
    expect(verifyTypedData(MAIL.domain, typesWithoutDomain(MAIL), MAIL.message, signature)).toBe(
      h.account.address,
    );
    await expect(
      h.service.signTypedData({ accountId: h.account.id, typedData: MAIL }, { chainId: 10 }),
    ).rejects.toMatchObject({ code: 'chain_mismatch' });
  });

  it('accepts a hex or decimal-string chainId for the active chain and refuses one for another', async () => {
    const h = await harness();
    for (const chainId of ['0x1', '1']) {
      const data = { ...MAIL, domain: { ...MAIL.domain, chainId } };
      const { signature } = await h.sign(data);
      expect(recoverAddress(typedDataHashes(data).digest, signature)).toBe(h.account.address);
    }
    await expect(h.sign({ ...MAIL, domain: { ...MAIL.domain, chainId: '0xa' } })).rejects.toMatchObject({
      code: 'chain_mismatch',
    });
  });

  it('refuses typed data that names no chain unless the user allows it after the warning', async () => {
    const h = await harness();
    const before = h.emulator.exchangeCount;
    await expect(h.sign(NO_CHAIN)).rejects.toMatchObject({
      code: 'chain_mismatch',
      message: expect.stringContaining(MISSING_CHAIN_ID_WARNING),
    });
    expect(h.emulator.exchangeCount).toBe(before);
    const allowed = await h.sign(NO_CHAIN, { allowMissingChainId: true });
    expect(recoverAddress(typedDataHashes(NO_CHAIN).digest, allowed.signature)).toBe(h.account.address);
    expect(h.requests.at(-1)?.check).toContainEqual({ label: 'Chain', value: 'none: valid on every chain' });
    expect(h.repositories.signatures.byDigest(typedDataHashes(NO_CHAIN).digest)).toEqual([
      expect.objectContaining({ chainId: null }),
    ]);
  });

  it('verifies a correct signature over a domain whose fields are in a non-standard order', async () => {
    const h = await harness();
    const reordered: TypedData = {
      ...MAIL,
      types: { ...MAIL.types, EIP712Domain: [...(MAIL.types.EIP712Domain ?? [])].reverse() },
    };
    const { signature, mode } = await h.sign(reordered);
    expect(mode).toBe('clear');
    expect(recoverAddress(typedDataHashes(reordered).digest, signature)).toBe(h.account.address);
  });

  it('refuses blind (hash-only) signing by default and signs it only with explicit consent', async () => {
    const h = await harness(new LedgerEmulator({ app: { name: 'Ethereum', version: '1.9.18' } }));
    const before = h.emulator.exchangeCount;
    await expect(h.sign(MAIL)).rejects.toMatchObject({
      state: 'blind_signing_required',
      message: expect.stringContaining(BLIND_SIGNING_WARNING),
    });
    expect(h.emulator.exchangeCount).toBe(before);
    const hashed = await h.sign(MAIL, { allowBlindSigning: true });
    expect(hashed.mode).toBe('hashed');
    expect(verifyTypedData(MAIL.domain, typesWithoutDomain(MAIL), MAIL.message, hashed.signature)).toBe(
      h.account.address,
    );
    expect(h.requests.at(-1)).toMatchObject({
      blind: true,
      status: 'done',
      check: [{ label: 'Domain hash' }, { label: 'Message hash' }],
    });
  });
});
