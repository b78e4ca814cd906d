import { encodeAbiParameters, getAddress, keccak256, padHex } from 'viem';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANVIL_DEV_ACCOUNT, anvilCall, sendAndMine } from '../../../test/anvil/chainSetup';
import { answer, type ScriptedRpcServer, scriptedRpcServer } from '../../../test/anvil/scriptedRpcServer';
import { deploySafeContracts } from '../../../test/anvil/safeContracts';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import { safeConnection } from '../../../test/safes/safeConnection';
import { testOwners } from '../../../test/safes/safeKeys';
import { SENTINEL } from './safeAbi';
import { planSafe } from './safeCreation';
import { safeContracts } from './safeDeployments';
import { readSafe } from './safeReader';

const nodes = useAnvilChains([1]);
const url = () => nodes[0]?.url ?? 'http://127.0.0.1:1';
const connection = () => safeConnection(url(), 1);
const owners = testOwners(3).map((owner) => owner.address);
const MODULE = '0x00000000000000000000000000000000000000aa';
const OTHER = '0x000000000000000000000000000000000000bbbb';
const UNKNOWN_SINGLETON = '0x000000000000000000000000000000000000cccc';
// Slots from the Safe 1.4.1 sources: SafeStorage's layout and the managers' constants.
const THRESHOLD_SLOT = '0x4';
const GUARD_SLOT = '0x4a204f620c8c5ccdca3fd54d003badd85ba500436a431f0cbda4f558c93c34c8';
const HANDLER_SLOT = '0x6c9a6c4a39284e37ed1cf53d337577d14212a4870fb976a4366c693b939918d5';
const moduleSlot = (key: string) =>
  keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [key as `0x${string}`, 1n]));
const word = (value: string | bigint) =>
  padHex(typeof value === 'bigint' ? `0x${value.toString(16)}` : (value as `0x${string}`), { size: 32 });

let safe: string;
let snapshot: unknown;
beforeAll(async () => {
  await deploySafeContracts(url());
  const plan = await planSafe(connection(), { owners, threshold: 2, saltNonce: 7n });
  await sendAndMine(url(), { from: ANVIL_DEV_ACCOUNT, to: plan.call.to, data: plan.call.data });
  safe = plan.address;
});
beforeEach(async () => {
  snapshot = await anvilCall(url(), 'evm_snapshot');
});
afterEach(async () => {
  await anvilCall(url(), 'evm_revert', [snapshot]);
});

const setSlot = (slot: string, value: string | bigint) =>
  anvilCall(url(), 'anvil_setStorageAt', [safe, slot, word(value)]);

describe('readSafe', () => {
  it('reads owners in the contract’s order, the threshold, nonce and handler, with nothing to warn of', async () => {
    const state = await readSafe(connection(), safe.toLowerCase());
    expect(state).toMatchObject({
      address: safe,
      version: '1.4.1',
      owners,
      threshold: 2,
      nonce: 0,
      modules: [],
      guard: null,
      fallbackHandler: safeContracts(1).fallbackHandler,
      warnings: [],
    });
  });

  it('warns, one line each, of a module, a guard, an unknown fallback handler and an unknown singleton', async () => {
    await setSlot(moduleSlot(SENTINEL), MODULE);
    await setSlot(moduleSlot(MODULE), SENTINEL);
    await setSlot(GUARD_SLOT, OTHER);
    await setSlot(HANDLER_SLOT, OTHER);
    // A copy of the real singleton at an address no list knows: it works, and the wallet cannot vouch for it.
    const code = await anvilCall(url(), 'eth_getCode', [safeContracts(1).singleton, 'latest']);
    await anvilCall(url(), 'anvil_setCode', [UNKNOWN_SINGLETON, code]);
    await setSlot('0x0', UNKNOWN_SINGLETON);
    const state = await readSafe(connection(), safe);
    expect(state.modules).toEqual([getAddress(MODULE)]);
    expect(state.guard).toBe(getAddress(OTHER));
    expect(state.singleton).toBe(getAddress(UNKNOWN_SINGLETON));
    expect(state.warnings).toEqual([
      expect.stringContaining(`Module ${getAddress(MODULE)} can move funds without the owners' signatures`),
      expect.stringContaining(`Guard ${getAddress(OTHER)} checks every transaction`),
      expect.stringContaining(`runs on ${getAddress(UNKNOWN_SINGLETON)}, which is not a Safe contract`),
      expect.stringContaining(`fallback handler ${getAddress(OTHER)} is not one this wallet knows`),
    ]);
  });

  it('refuses a threshold of zero or above the owners', async () => {
    await setSlot(THRESHOLD_SLOT, 0n);
    await expect(readSafe(connection(), safe)).rejects.toThrow(/threshold of 0 with 3 owners/);
    await setSlot(THRESHOLD_SLOT, 4n);
    await expect(readSafe(connection(), safe)).rejects.toThrow(/threshold of 4 with 3 owners/);
  });

  it('refuses an address with no code, and contracts that are not Safes', async () => {
    await expect(readSafe(connection(), OTHER)).rejects.toThrow(
      `There is no contract at ${getAddress(OTHER)} on Ethereum.`,
    );
    await expect(readSafe(connection(), safeContracts(1).multiSend)).rejects.toThrow(/is not a Safe\./);
    // The fallback handler answers VERSION() too, but holds no singleton.
    await expect(readSafe(connection(), safeContracts(1).fallbackHandler)).rejects.toThrow(/not a Safe/);
  });
});

describe('readSafe on a node that claims an old Safe', () => {
  let server: ScriptedRpcServer | undefined;
  afterEach(async () => server?.close());

  it('refuses a Safe older than 1.3.0, whose transaction hash binds no chain', async () => {
    const version = encodeAbiParameters([{ type: 'string' }], ['1.2.0']);
    server = await scriptedRpcServer((body) =>
      answer(body, { eth_chainId: '0x1', eth_getCode: '0x6080', eth_call: version }),
    );
    await expect(readSafe(safeConnection(server.url, 1), OTHER)).rejects.toThrow(
      /version 1\.2\.0, older than 1\.3\.0/,
    );
  });
});
