import { toBeHex, zeroPadValue } from 'ethers/utils';
import { anvilBatch, anvilCall, deployCode, type RpcCall } from '../anvil/chainSetup';
import { ACROSS_SPOKE_POOL_RUNTIME } from './acrossSpokePool';
import {
  CCTP_MESSAGE_TRANSMITTER_RUNTIME,
  CCTP_TOKEN_MESSENGER_RUNTIME,
  REMOTE_TOKEN_MESSENGER_SLOT,
} from './cctp';
import { DRAINER_RUNTIME, DRAINER_SLOT } from './drainer';
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

/** The calls that place a drainer whose `claim()` pulls `amount` of `token`: batch them with other set-up. */
export function drainerSetup(address: string, token: string, amount: bigint): RpcCall[] {
  const slot = (index: bigint) => toBeHex(index, 32);
  return [
    ['anvil_setCode', [address, DRAINER_RUNTIME]],
    ['anvil_setStorageAt', [address, slot(DRAINER_SLOT.token), zeroPadValue(token, 32)]],
    ['anvil_setStorageAt', [address, slot(DRAINER_SLOT.amount), toBeHex(amount, 32)]],
  ];
}

export async function deployDrainer(
  url: string,
  address: string,
  token: string,
  amount: bigint,
): Promise<void> {
  await anvilBatch(url, drainerSetup(address, token, amount));
}
