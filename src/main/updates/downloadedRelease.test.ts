import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDownloadedRelease } from './downloadedRelease';
import { UpdateRefusal } from './updateRefusal';

describe('checkDownloadedRelease', () => {
  let dir = '';
  // Larger than one read chunk (64 KiB), so the hash covers several.
  const content = Buffer.alloc(300_000, 'Ledgerline 1.3.0 ');
  const sha512 = createHash('sha512').update(content).digest('base64');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ledgerline-download-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts the file whose SHA-512 the signed metadata names', async () => {
    const file = join(dir, 'Ledgerline-1.3.0.AppImage');
    await writeFile(file, content);
    await expect(checkDownloadedRelease(file, sha512)).resolves.toBeUndefined();
  });

  it('refuses a file with one byte changed, naming it', async () => {
    const file = join(dir, 'Ledgerline-1.3.0-tampered.AppImage');
    const tampered = Buffer.concat([content.subarray(0, -1), Buffer.from('!')]);
    await writeFile(file, tampered);
    const refusal = await checkDownloadedRelease(file, sha512).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UpdateRefusal);
    expect((refusal as UpdateRefusal).code).toBe('checksum');
    expect((refusal as UpdateRefusal).message).toMatch(
      /Ledgerline-1\.3\.0-tampered\.AppImage.*SHA-512.*keeps running/,
    );
  });

  it('refuses a truncated file', async () => {
    const file = join(dir, 'truncated.AppImage');
    await writeFile(file, content.subarray(0, 1000));
    await expect(checkDownloadedRelease(file, sha512)).rejects.toMatchObject({ code: 'checksum' });
  });

  it('treats an expected digest that is not a base64 SHA-512 as a programming error', async () => {
    const file = join(dir, 'Ledgerline-1.3.0.AppImage');
    const hex = createHash('sha512').update(content).digest('hex');
    await expect(checkDownloadedRelease(file, hex)).rejects.toThrow(/base64 of 64 bytes/);
    await expect(checkDownloadedRelease(file, sha512.slice(0, 86))).rejects.toThrow(/base64 of 64 bytes/);
  });

  it('fails with the file system error when the file is missing', async () => {
    await expect(checkDownloadedRelease(join(dir, 'missing'), sha512)).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
