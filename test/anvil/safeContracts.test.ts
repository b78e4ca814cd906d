import { describe, expect, it } from 'vitest';
import { anvilCall } from './chainSetup';
import { deploySafeContracts, safeContractAddresses } from './safeContracts';
import { useAnvilChains } from './useAnvilChains';

describe('deploySafeContracts', () => {
  const nodes = useAnvilChains([1]);

  it('places every v1.4.1 contract at its canonical address, and a second run changes nothing', async () => {
    const url = nodes[0]?.url ?? 'http://127.0.0.1:1';
    await deploySafeContracts(url);
    const addresses = safeContractAddresses();
    expect(addresses).toContain('0x41675C099F32341bf84BFc5382aF534df5C7461a');
    expect(addresses).toContain('0x29fcB43b46531BcA003ddC8FCB67FFE91900C762');
    const codes = await Promise.all(addresses.map((a) => anvilCall(url, 'eth_getCode', [a, 'latest'])));
    for (const code of codes) expect(String(code).length).toBeGreaterThan(100);
    const block = await anvilCall(url, 'eth_blockNumber');
    await deploySafeContracts(url);
    expect(await anvilCall(url, 'eth_blockNumber')).toBe(block);
  });
});
