import { open, seal } from './sealedBox';
import { VaultError } from './vaultError';
import type { SealedHead } from './vaultRepository';

/** Which version each stored secret must have, as the vault wrote them last, at write counter `counter`. */
export interface Manifest {
  counter: number;
  versions: ReadonlyMap<string, number>;
}

export function sealHead(keyId: string, key: Uint8Array, { counter, versions }: Manifest): SealedHead {
  const entries = [...versions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const plaintext = new TextEncoder().encode(JSON.stringify(entries));
  return { counter, keyId, ...seal(key, { head: counter }, plaintext) };
}

/** Rejects with `vault_tampered` unless the head was sealed by this vault, at exactly its stored counter. */
export function openHead(key: Uint8Array, head: SealedHead): Manifest {
  const entries: unknown = JSON.parse(new TextDecoder().decode(open(key, { head: head.counter }, head)));
  // Sealed by the vault itself, so a wrong shape is a bug here rather than an attack; still never trusted blindly.
  if (!Array.isArray(entries) || !entries.every(isEntry)) {
    throw new VaultError('vault_tampered', "The vault's list of secret versions is unreadable.");
  }
  return { counter: head.counter, versions: new Map(entries) };
}

function isEntry(value: unknown): value is [string, number] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    Number.isSafeInteger(value[1]) &&
    (value[1] as number) >= 0
  );
}
