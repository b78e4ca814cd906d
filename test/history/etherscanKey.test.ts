import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core';
import { createLogger } from '../../src/main/log';
import { useSecretService } from '../keychain/useSecretService';

const ORIGIN = 'http://127.0.0.1:1';
const own = { origin: ORIGIN, isMainFrame: true };
const KEY = 'QWERTYUIOPASDFGHJKLZXCVBNM12345678';

describe('the Etherscan API key, through the API into a real vault', () => {
  useSecretService();
  let dir: string;
  let core: Core;
  const logLines: string[] = [];
  const call = (channel: string, payload?: unknown) => core.router.invoke(channel, payload, own);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'etherscan-key-'));
    core = createCore({
      dataDir: dir,
      app: { name: 'Ledgerline-etherscan-key-test', version: '0.0.0-test', host: 'browser' },
      electronVersion: null,
      trustedOrigins: [ORIGIN],
      log: createLogger('etherscan-key', (line) => logLines.push(line)),
      chainPollMs: 0,
      historyPollMs: 0,
    });
  });
  afterAll(() => {
    core?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function storedBytes(): Buffer {
    const file = join(dir, 'wallet.sqlite');
    const wal = `${file}-wal`;
    return Buffer.concat([readFileSync(file), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
  }

  it('stores the key sealed, says only that it is set, and never logs it', async () => {
    expect(await call('history.sources')).toEqual({
      ok: true,
      data: { explorers: false, etherscanKey: false },
    });
    expect(await call('history.setEtherscanKey', { key: `  ${KEY}\n` })).toEqual({ ok: true, data: null });
    const sources = await call('history.sources');
    expect(sources).toEqual({ ok: true, data: { explorers: false, etherscanKey: true } });
    expect(JSON.stringify(sources)).not.toContain(KEY);
    expect(storedBytes().includes(Buffer.from(KEY))).toBe(false);
    expect(logLines.join('\n')).not.toContain(KEY);
  });

  it('reports the explorers setting, and forgets the key on removal', async () => {
    await call('settings.set', { historyExplorers: true });
    expect(await call('history.sources')).toEqual({
      ok: true,
      data: { explorers: true, etherscanKey: true },
    });
    expect(await call('history.setEtherscanKey', { key: null })).toEqual({ ok: true, data: null });
    expect(await call('history.sources')).toEqual({
      ok: true,
      data: { explorers: true, etherscanKey: false },
    });
  });
});
