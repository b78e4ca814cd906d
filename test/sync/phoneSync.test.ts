import { afterEach, describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../src/main/store/address';
import { openBlob } from '../../src/shared/sync/syncBlob';
import { decodeKeyRing } from '../../src/shared/sync/syncKeys';
import { fixtureAddress } from '../anvil/chainSetup';
import { headlessPhone, pairPhone, startDesktop, until, type Desktop } from '../pairing/pairingHarness';
import { useTempDatabase } from '../store/tempDatabase';

const PHONE_MNEMONIC = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const address = (name: string) => toChecksumAddress(fixtureAddress('phone-sync', name));
const temp = useTempDatabase('phone-sync-');
let desktop: Desktop;
afterEach(async () => desktop?.close());

function syncOf(desktop: Desktop) {
  if (!desktop.sync) throw new Error('this desktop was started without sync');
  return desktop.sync;
}

describe('a desktop and the headless phone client through the relay', () => {
  it('carries labels and contacts to the phone live, and a revoked phone cannot decrypt what follows', async () => {
    desktop = startDesktop(temp.db, { sync: true });
    const sync = syncOf(desktop);
    desktop.repositories.labels.set({
      address: address('cold'),
      chainId: null,
      kind: 'eoa',
      name: 'Cold storage',
      note: '',
    });
    const phone = headlessPhone(PHONE_MNEMONIC);
    const { paired } = await pairPhone(desktop, phone);

    // What the desktop had before pairing arrives once the phone joined the group.
    await sync.syncNow();
    await until(() => phone.client.names(paired.id).labels.length === 1, 'the label on the phone');
    expect(phone.client.nameFor(paired.id, address('cold'), 1)).toEqual({
      name: 'Cold storage',
      source: 'label',
    });
    expect(sync.status().devices.map((device) => [device.name, device.kind])).toEqual(
      expect.arrayContaining([
        ['Test desktop', 'desktop'],
        ['Alice’s phone', 'phone'],
      ]),
    );

    // A change made now reaches the connected phone through its session, without a reconnection.
    desktop.repositories.addressBook.set({ address: address('bob'), chainId: 1, name: 'Bob', note: '' });
    await sync.syncNow();
    await until(() => phone.client.nameFor(paired.id, address('bob'), 1), 'the contact on the phone');
    expect(phone.client.nameFor(paired.id, address('bob'), 1)).toEqual({
      name: 'Bob',
      source: 'addressBook',
    });
    expect(phone.client.syncIssues(paired.id)).toEqual([]);

    // The phone's keys as they were, then the pairing is revoked: the group key rotates.
    const phoneRing = decodeKeyRing(phone.state().desktops[0]?.sync?.ring ?? '');
    const fingerprint = desktop.view().phones[0]?.fingerprint as string;
    await desktop.pairing.revoke(fingerprint);
    await until(() => sync.status().epoch === 2, 'the key to rotate');
    expect(sync.status().devices.map((device) => device.name)).toEqual(['Test desktop']);
    desktop.repositories.labels.set({
      address: address('new'),
      chainId: null,
      kind: 'eoa',
      name: 'After',
      note: '',
    });
    await sync.syncNow();

    const newest = temp.db
      .prepare<[], { bytes: Uint8Array; epoch: number }>(
        'SELECT bytes, epoch FROM sync_blobs ORDER BY rowid DESC LIMIT 1',
      )
      .get();
    expect(newest?.epoch).toBe(2);
    expect(() => openBlob(phoneRing, () => undefined, newest?.bytes ?? new Uint8Array())).toThrow(
      expect.objectContaining({ code: 'unreadable' }),
    );
    expect(phone.client.nameFor(paired.id, address('new'), null)).toBeNull();
  });
});
