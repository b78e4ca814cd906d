import { toBeHex, zeroPadValue } from 'ethers/utils';
import { anvilCall, deployCode } from '../anvil/chainSetup';
import { ACROSS_SPOKE_POOL_RUNTIME } from './acrossSpokePool';
import {
  CCTP_MESSAGE_TRANSMITTER_RUNTIME,
  CCTP_TOKEN_MESSENGER_RUNTIME,
  REMOTE_TOKEN_MESSENGER_SLOT,
} from './cctp';
import { MINI_SWAP_POOL_RUNTIME } from './miniSwapPool';

/** Places the bridge and DEX test doubles on a local chain, usually at the real contracts' addresses. */
export async function deployAcrossSpokePool(url: string, address: string): Promise<void> {
  await deployCode(url, address, ACROSS_SPOKE_POOL_RUNTIME);
}

/** `remoteTokenMessenger` is the destination chain's TokenMessenger, which DepositForBurn names. */
export async function deployCctpTokenMessenger(
  url: string,
  address: string,
  remoteTokenMessenger: string,
): Promise<void> {
  await deployCode(url, address, CCTP_TOKEN_MESSENGER_RUNTIME);
  await anvilCall(url, 'anvil_setStorageAt', [
    address,
    toBeHex(REMOTE_TOKEN_MESSENGER_SLOT, 32),
    zeroPadValue(remoteTokenMessenger, 32),
  ]);
}

export async function deployCctpMessageTransmitter(url: string, address: string): Promise<void> {
  await deployCode(url, address, CCTP_MESSAGE_TRANSMITTER_RUNTIME);
}

/** The pool trades whatever tokens it holds: give it balances with setTokenBalances. */
export async function deployMiniSwapPool(url: string, address: string): Promise<void> {
  await deployCode(url, address, MINI_SWAP_POOL_RUNTIME);
}
