import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';
import { VaultError } from './vaultError';

/** The OS keychain, for one service name: the only place the wallet keeps key material. */
export interface Keychain {
  /** What the Settings page shows as the vault's backend. */
  readonly backend: string;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves false when there was nothing to delete. */
  delete(account: string): Promise<boolean>;
  /** The account names stored under the service. */
  list(): Promise<string[]>;
}

const BACKENDS: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'macOS Keychain',
  win32: 'Windows Credential Manager',
  linux: 'Secret Service (GNOME Keyring, KWallet)',
};

const REMEDIES: Partial<Record<NodeJS.Platform, { locked: string; unavailable: string }>> = {
  linux: {
    locked:
      'The login keyring is locked, so the wallet cannot reach its secrets. Unlock it (log in to your desktop ' +
      'session again, or unlock "Login" in Passwords and Keys), then try again.',
    unavailable:
      'No keyring (Secret Service) is running, so the wallet cannot keep secrets safely. Install and start ' +
      'gnome-keyring or KWallet (for example: sudo apt install gnome-keyring), then restart the wallet.',
  },
  darwin: {
    locked: 'Your macOS login keychain is locked. Unlock it in Keychain Access, then try again.',
    unavailable: 'The macOS Keychain could not be used. Check it in Keychain Access, then try again.',
  },
};
const OTHER_REMEDY = {
  locked: 'The system keychain is locked. Unlock it, then try again.',
  unavailable: 'The system keychain could not be used, so the wallet cannot keep secrets safely.',
};

// Secret Service reports a locked collection as IsLocked or as an unlock prompt nobody answered; macOS as
// "User interaction is not allowed" when the keychain is locked and cannot prompt.
const LOCKED = /is ?locked|prompt was dismissed|interaction is not allowed/i;

export function createOsKeychain(service: string, platform: NodeJS.Platform = process.platform): Keychain {
  // Unpinned, the Linux binding silently falls back to the kernel keyring, which forgets everything at
  // reboot; pinned, it fails when no Secret Service is running, and the user is told what to install.
  const entry = (account: string) => new AsyncEntry(service, account, { linux: { store: 'secret-service' } });
  const call = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation();
    } catch (error) {
      throw keychainError(error, platform);
    }
  };
  return {
    backend: BACKENDS[platform] ?? 'OS keychain',
    get: (account) => call(() => entry(account).getPassword()),
    set: (account, secret) => call(() => entry(account).setPassword(secret)),
    delete: (account) => call(() => entry(account).deleteCredential()),
    list: () =>
      call(async () => (await findCredentialsAsync(service)).map((credential) => credential.account)),
  };
}

function keychainError(error: unknown, platform: NodeJS.Platform): VaultError {
  const detail = error instanceof Error ? error.message : String(error);
  const remedy = REMEDIES[platform] ?? OTHER_REMEDY;
  return LOCKED.test(detail)
    ? new VaultError('keychain_locked', remedy.locked, { cause: error })
    : new VaultError('keychain_unavailable', remedy.unavailable, { cause: error });
}
