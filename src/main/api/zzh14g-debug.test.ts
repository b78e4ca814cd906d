import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSecretService } from '../../../test/keychain/useSecretService';
import { createCore } from '../core';
import { createLogger } from '../log';
import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';

const own = { origin: 'http://127.0.0.1:1', isMainFrame: true };
describe('d', () => {
  useSecretService();
  it('x', async () => {
    const lines: string[] = [];
    const core = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'dbg-')), app: { name: 'Ledgerline-property-test', version: '0', host: 'browser' }, electronVersion: null, trustedOrigins: [own.origin], log: createLogger('p', (l) => lines.push(l)), rpc: { fetch: async () => { throw new TypeError('no'); }, retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } } });
    let fail = '';
    const t0 = Date.now();
    outer: for (let round = 0; round < 80; round++) {
      const reset = await core.router.invoke('data.reset', { confirm: 'reset local data' }, own);
      if (!reset.ok) { fail = `reset ${round} ${JSON.stringify(reset)}`; break; }
      for (let i = 0; i < 30; i++) {
        const r = await core.router.invoke(i % 2 ? 'sync.now' : 'history.setEtherscanKey', i % 2 ? undefined : { key: 'A'.repeat(34) }, own);
        if (!r.ok) {
          fail = `round ${round} i ${i} ${JSON.stringify(r)}`;
          try { console.log('raw', (await findCredentialsAsync('Ledgerline-property-test')).map((c) => c.account)); } catch (e) { console.log('raw err', e); }
          try { console.log('raw get', await new AsyncEntry('x', 'y', { linux: { store: 'secret-service' } }).getPassword()); } catch (e) { console.log('raw get err', e); }
          break outer;
        }
      }
      try { const c = await findCredentialsAsync('Ledgerline-property-test'); if (round % 10 === 0) console.log('round', round, 'items', c.length, c.map((x) => x.account).join(' ').slice(0, 300)); } catch (e) { console.log('list err', e); }
    }
    console.log('fail', fail, 'ms', Date.now() - t0);
    console.log(lines.filter((l) => !l.includes('"info"')).slice(0, 10).join('\n'));
    core.close();
    expect(fail).toBe('');
  }, 400_000);
});
