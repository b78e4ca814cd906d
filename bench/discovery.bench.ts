// Account discovery through the Ledger emulator: 20 indexes of each of the three Ethereum schemes, read the
// batched way (one extended public key per non-hardened branch, derived locally) and the naive way (one
// get-address exchange per address), in the same run. Prints one JSON object: `exchanges` and `ms` for the
// batched scan, `naiveExchanges` and `naiveMs` for the naive one, and their ratio. Chains are left out on
// purpose (every account reads as unused): what is measured is the device, the slow part on real hardware.
// Run with `npm run bench:discovery`, which bundles it with esbuild first.
import type { DiscoveryScheme } from '../src/shared/devices';
import { AccountDiscovery } from '../src/main/signers/accountDiscovery';
import { SCHEMES } from '../src/main/signers/derivation';
import { LedgerSigner } from '../src/main/signers/ledger/ledgerSigner';
import { LedgerEmulator } from '../test/ledger/ledgerEmulator';

const INDEXES = 20;
const SCHEME_NAMES: DiscoveryScheme[] = ['ledger-live', 'bip44', 'legacy'];

async function batched(): Promise<{ exchanges: number; ms: number; addresses: string[] }> {
  const emulator = new LedgerEmulator();
  const discovery = new AccountDiscovery(new LedgerSigner(emulator), async () => []);
  const started = performance.now();
  const addresses: string[] = [];
  for (const scheme of SCHEME_NAMES) {
    const page = await discovery.scan({ scheme, start: 0, count: INDEXES, all: true });
    addresses.push(...page.accounts.map((account) => account.address));
  }
  return { exchanges: emulator.exchangeCount, ms: performance.now() - started, addresses };
}

async function naive(): Promise<{ exchanges: number; ms: number; addresses: string[] }> {
  const emulator = new LedgerEmulator();
  const signer = new LedgerSigner(emulator);
  const started = performance.now();
  const addresses: string[] = [];
  for (const scheme of SCHEME_NAMES) {
    const { path, firstIndex } = SCHEMES[scheme];
    for (let index = firstIndex; index < firstIndex + INDEXES; index++) {
      addresses.push(...(await signer.getAddresses([path(index)])));
    }
  }
  return { exchanges: emulator.exchangeCount, ms: performance.now() - started, addresses };
}

const fast = await batched();
const slow = await naive();
if (fast.addresses.join() !== slow.addresses.join()) {
  throw new Error('the batched scan found other addresses than the naive one');
}
console.log(
  JSON.stringify({
    addresses: fast.addresses.length,
    exchanges: fast.exchanges,
    naiveExchanges: slow.exchanges,
    ratio: Number((slow.exchanges / fast.exchanges).toFixed(2)),
    ms: Number(fast.ms.toFixed(1)),
    naiveMs: Number(slow.ms.toFixed(1)),
  }),
);
