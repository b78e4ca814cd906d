import { describe, expect, it } from 'vitest';
import { memorySecrets } from '../../../test/vault/memorySecrets';
import { PairingKeys } from './pairingKeys';

const PHONE = 'phone:aaaa';
const fill = (byte: number) => new Uint8Array(32).fill(byte);

describe('PairingKeys', () => {
  it('creates the desktop key once, keeps it in the vault, and reads it back on the next launch', async () => {
    const vault = memorySecrets();
    const first = await new PairingKeys(vault).desktopKey();
    const keys = new PairingKeys(vault);
    const again = await keys.desktopKey();
    expect(again.publicKey).toEqual(first.publicKey);
    const reads = vault.reads;
    await keys.desktopKey();
    expect(vault.reads).toBe(reads);
  });

  it('keeps a resume key for each of the phone’s two inboxes', async () => {
    const keys = new PairingKeys(memorySecrets());
    await keys.saveResumeKeys(PHONE, fill(1));
    expect(await keys.resumeKey(PHONE, 'current')).toEqual(fill(1));
    expect(await keys.resumeKey(PHONE, 'previous')).toEqual(fill(0));
    await keys.saveResumeKeys(PHONE, fill(2), fill(1));
    expect(await keys.resumeKey(PHONE, 'current')).toEqual(fill(2));
    expect(await keys.resumeKey(PHONE, 'previous')).toEqual(fill(1));
  });

  it('refuses a resume once the phone’s keys are forgotten', async () => {
    const keys = new PairingKeys(memorySecrets());
    await keys.saveResumeKeys(PHONE, fill(1));
    keys.forgetResumeKeys(PHONE);
    await expect(keys.resumeKey(PHONE, 'current')).rejects.toMatchObject({ code: 'unknown_phone' });
    await expect(keys.resumeKey('phone:never', 'previous')).rejects.toMatchObject({ code: 'unknown_phone' });
  });
});
