import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { toChecksumAddress } from '../store/address';
import { createRepositories } from '../store/repositories';
import { IDLE_EXPIRY_MS, PairedPhones, type NewPhone } from './pairedPhones';
import { PhonePairingsRepository } from './phonePairingsRepository';

const START = 1_700_000_000_000;
const PHONE: NewPhone = {
  fingerprint: 'aaaa0000aaaa0000',
  name: 'Alice’s phone',
  phoneKey: 'a'.repeat(64),
  address: toChecksumAddress(`0x${'1'.repeat(40)}`),
  inbox: '1'.repeat(32),
};

describe('PairedPhones', () => {
  const temp = useTempDatabase('paired-phones-');

  function setup() {
    let clock = START;
    const repositories = createRepositories(temp.db);
    const pairings = new PhonePairingsRepository(temp.db);
    const phones = new PairedPhones({ db: temp.db, repositories, pairings, now: () => clock });
    return { phones, repositories, pairings, advance: (ms: number) => (clock += ms) };
  }

  it('stores the device, its pairing and its phone account together', () => {
    const { phones, repositories, pairings } = setup();
    phones.add(PHONE);
    expect(repositories.devices.get(PHONE.fingerprint)).toMatchObject({ kind: 'phone', pairedAt: START });
    expect(pairings.get(PHONE.fingerprint)).toMatchObject({ inbox: PHONE.inbox, previousInbox: null });
    expect(repositories.accounts.list()).toMatchObject([
      { signer: 'phone', deviceFingerprint: PHONE.fingerprint, address: PHONE.address, label: PHONE.name },
    ]);
  });

  it('stores nothing when any part is refused', () => {
    const { phones, repositories, advance } = setup();
    phones.add(PHONE);
    advance(1000);
    // The pairing is refused (the phone is paired already), so the device update before it is undone too.
    expect(() => phones.add({ ...PHONE, name: 'Renamed' })).toThrow();
    expect(repositories.devices.get(PHONE.fingerprint)).toMatchObject({
      name: PHONE.name,
      lastSeenAt: START,
    });
    expect(repositories.accounts.list()).toHaveLength(1);
  });

  it('removes the device, its pairing and its account', () => {
    const { phones, repositories, pairings } = setup();
    phones.add(PHONE);
    phones.remove(PHONE.fingerprint);
    expect(repositories.devices.get(PHONE.fingerprint)).toBeUndefined();
    expect(pairings.get(PHONE.fingerprint)).toBeUndefined();
    expect(repositories.accounts.list()).toEqual([]);
    expect(() => phones.remove(PHONE.fingerprint)).not.toThrow();
  });

  it('lets a phone sign only while it is paired and seen within the idle expiry', () => {
    const { phones, advance } = setup();
    expect(() => phones.signingPhone(PHONE.fingerprint)).toThrow(/not paired any more/);
    phones.add(PHONE);
    expect(phones.signingPhone(PHONE.fingerprint).name).toBe(PHONE.name);
    advance(IDLE_EXPIRY_MS);
    phones.seen(PHONE.fingerprint);
    advance(IDLE_EXPIRY_MS);
    expect(phones.signingPhone(PHONE.fingerprint).name).toBe(PHONE.name);
    advance(1);
    expect(() => phones.signingPhone(PHONE.fingerprint)).toThrow(
      expect.objectContaining({ state: 'disconnected', message: expect.stringMatching(/7 days/) }),
    );
  });

  it('shows each phone with its account, whether it is online, and whether it expired', () => {
    const { phones, repositories, advance } = setup();
    phones.add(PHONE);
    const accountId = repositories.accounts.list()[0]?.id;
    expect(phones.views(() => true)).toEqual([
      {
        fingerprint: PHONE.fingerprint,
        name: PHONE.name,
        address: PHONE.address,
        pairedAt: START,
        lastSeenAt: START,
        online: true,
        status: 'active',
        accountId,
      },
    ]);
    advance(IDLE_EXPIRY_MS + 1);
    expect(phones.views(() => false)).toMatchObject([{ online: false, status: 'expired' }]);
    expect(phones.name(PHONE.fingerprint)).toBe(PHONE.name);
    expect(phones.name('cccc0000cccc0000')).toBe('Phone');
  });
});
