import { describe, expect, it } from 'vitest';
import type { ClipboardReader } from './clipboardReader';
import { clipboardLink } from './walletConnectHandlers';

const LINK = `wc:${'a'.repeat(64)}@2?relay-protocol=irn&symKey=${'b'.repeat(64)}`;
const readQr = async (png: Uint8Array) => `qr:${png.length}`;
const clipboard = (text: string, image: Uint8Array | null): ClipboardReader => ({
  readText: async () => text,
  readImage: async () => image,
});

describe('clipboardLink', () => {
  it('takes a copied link first, then the QR code of a copied image, then whatever text there is', async () => {
    expect(await clipboardLink(clipboard(`  ${LINK}\n`, new Uint8Array(3)), readQr)).toBe(LINK);
    expect(await clipboardLink(clipboard('', new Uint8Array(3)), readQr)).toBe('qr:3');
    expect(await clipboardLink(clipboard('hello', null), readQr)).toBe('hello');
  });

  it('says so when there is no clipboard or nothing on it', async () => {
    await expect(clipboardLink(undefined, readQr)).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(clipboardLink(clipboard(' ', null), readQr)).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/no WalletConnect link/),
    });
  });
});
