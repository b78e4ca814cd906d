import type { Database } from 'better-sqlite3';
import type { PhoneView } from '../../shared/pairing';
import { PHONE_PATH } from '../../shared/pairing/phonePath';
import { DeviceError } from '../../shared/deviceError';
import type { ChecksumAddress } from '../store/address';
import type { Device } from '../store/devicesRepository';
import type { Repositories } from '../store/repositories';
import type { PhonePairingsRepository } from './phonePairingsRepository';

/** A phone unseen this long must pair again: its inbox closes and its resume key is deleted. */
export const IDLE_EXPIRY_MS = 7 * 24 * 60 * 60_000;

/** A phone whose pairing both sides confirmed, as it is stored. */
export interface NewPhone {
  fingerprint: string;
  name: string;
  /** Its static X25519 key, hex. */
  phoneKey: string;
  address: ChecksumAddress;
  /** The rendezvous id of its first resume, hex. */
  inbox: string;
}

export interface PairedPhonesOptions {
  db: Database;
  repositories: Pick<Repositories, 'accounts' | 'devices'>;
  pairings: PhonePairingsRepository;
  now: () => number;
}

/**
 * The paired phones as the store keeps them: a device, its pairing and the account it signs for, which come
 * and go together in one transaction.
 */
export class PairedPhones {
  constructor(private readonly options: PairedPhonesOptions) {}

  add(phone: NewPhone): void {
    const { db, repositories, pairings } = this.options;
    const { fingerprint, name, phoneKey, address, inbox } = phone;
    db.transaction(() => {
      repositories.devices.recordSeen({ fingerprint, kind: 'phone', name, model: null }, this.options.now());
      pairings.add({ fingerprint, phoneKey, address, inbox });
      repositories.accounts.add({
        signer: 'phone',
        deviceFingerprint: fingerprint,
        derivationScheme: 'bip44',
        derivationPath: PHONE_PATH,
        address,
        label: name,
      });
    })();
  }

  /** The pairing row goes with the device. */
  remove(fingerprint: string): void {
    const { db, repositories } = this.options;
    db.transaction(() => {
      for (const account of repositories.accounts.list()) {
        if (account.deviceFingerprint === fingerprint) repositories.accounts.remove(account.id);
      }
      if (repositories.devices.get(fingerprint)) repositories.devices.remove(fingerprint);
    })();
  }

  seen(fingerprint: string): void {
    this.options.repositories.devices.recordSeen(
      { fingerprint, kind: 'phone', name: this.name(fingerprint), model: null },
      this.options.now(),
    );
  }

  name(fingerprint: string): string {
    return this.options.repositories.devices.get(fingerprint)?.name ?? 'Phone';
  }

  /** The phone's device, when it is still paired. */
  device(fingerprint: string): Device | undefined {
    if (!this.options.pairings.get(fingerprint)) return undefined;
    return this.options.repositories.devices.get(fingerprint);
  }

  /** The phone's device, if it may sign: still paired, and seen within the idle expiry. */
  signingPhone(fingerprint: string): Device {
    const phone = this.device(fingerprint);
    if (!phone) {
      throw new DeviceError(
        'disconnected',
        'This phone is not paired any more.',
        'Pair it again on the Pairing page.',
      );
    }
    if (this.isExpired(phone.lastSeenAt)) {
      throw new DeviceError(
        'disconnected',
        `${phone.name} has not connected for 7 days, so its pairing expired.`,
        'Pair it again on the Pairing page.',
      );
    }
    return phone;
  }

  isExpired(lastSeenAt: number): boolean {
    return this.options.now() - lastSeenAt > IDLE_EXPIRY_MS;
  }

  views(online: (fingerprint: string) => boolean): PhoneView[] {
    const { accounts, devices } = this.options.repositories;
    const allAccounts = accounts.list();
    return this.options.pairings.list().flatMap((pairing) => {
      const device = devices.get(pairing.fingerprint);
      if (!device) return [];
      return [
        {
          fingerprint: pairing.fingerprint,
          name: device.name,
          address: pairing.address,
          pairedAt: device.pairedAt ?? device.firstSeenAt,
          lastSeenAt: device.lastSeenAt,
          online: online(pairing.fingerprint),
          status: this.isExpired(device.lastSeenAt) ? ('expired' as const) : ('active' as const),
          accountId:
            allAccounts.find((account) => account.deviceFingerprint === pairing.fingerprint)?.id ?? null,
        },
      ];
    });
  }
}
