import { concat, encodeBase58, ripemd160, sha256 } from 'ethers';
import { DeviceFailure, type DeviceFlow } from './deviceFlow';
import type { EmulatorKeys } from './emulatorKeys';

/** Bitcoin testnet's P2PKH version byte. */
const TESTNET_P2PKH = '0x6f';

/**
 * TrezorConnect names a wallet (PIN + passphrase session) by the first Bitcoin testnet address it holds, so
 * the emulator answers that one `GetAddress` (legacy P2PKH, m/44'/1'/0'/0/0) and nothing else Bitcoin.
 */
// eslint-disable-next-line require-yield
export function* stateAddress(keys: EmulatorKeys, message: Record<string, unknown>): DeviceFlow {
  if (
    message.coin_name !== 'Testnet' ||
    message.script_type !== 'SPENDADDRESS' ||
    !Array.isArray(message.address_n)
  ) {
    throw new DeviceFailure('Failure_DataError', 'The emulator only derives the session state address');
  }
  const publicKey = keys.node(message.address_n as number[]).publicKey;
  if (!publicKey) throw new DeviceFailure('Failure_ProcessError', 'No public key');
  const payload = concat([TESTNET_P2PKH, ripemd160(sha256(publicKey))]);
  const checksum = sha256(sha256(payload)).slice(0, 10);
  return { type: 'Address', message: { address: encodeBase58(concat([payload, checksum])) } };
}
