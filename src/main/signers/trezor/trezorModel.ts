/** Product names by the `internal_model` a Trezor reports, which stays the same across marketing names. */
const NAMES: Readonly<Record<string, string>> = {
  T1B1: 'Trezor Model One',
  T2T1: 'Trezor Model T',
  T2B1: 'Trezor Safe 3',
  T3B1: 'Trezor Safe 3',
  T3T1: 'Trezor Safe 5',
  T3W1: 'Trezor Safe 7',
};

export function trezorModelName(internalModel: string | null): string | null {
  return (internalModel && NAMES[internalModel]) ?? null;
}

/**
 * The Model One has no room for EIP-712 structs and shows only the domain and message hashes. An unknown
 * model is treated the same way, so the user is never told a blind signature was clear.
 */
export function clearSignsTypedData(internalModel: string | null): boolean {
  return internalModel !== null && internalModel !== 'T1B1' && internalModel in NAMES;
}
