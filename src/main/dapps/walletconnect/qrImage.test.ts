import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_PNG_BYTES, readQrCode } from './qrImage';

const WC_URI = `wc:${'7f6e'.repeat(16)}@2?expiryTimestamp=1765000300&relay-protocol=irn&symKey=${'587d'.repeat(16)}`;

const qrPng = async (text: string) => new Uint8Array(await QRCode.toBuffer(text, { type: 'png' }));

/** RGBA canvas for the screenshot-like images; white, like a page. */
class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 4).fill(255);
  }

  fill(x: number, y: number, w: number, h: number, [r, g, b]: [number, number, number]): void {
    for (let row = y; row < y + h; row++) {
      for (let col = x; col < x + w; col++) this.pixels.set([r, g, b, 255], (row * this.width + col) * 4);
    }
  }

  /** A QR code as qrcode lays out its modules, `scale` pixels a module, with the 4-module quiet zone. */
  qr(text: string, x: number, y: number, scale: number): void {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    this.fill(x, y, (modules.size + 8) * scale, (modules.size + 8) * scale, [255, 255, 255]);
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col))
          this.fill(x + (col + 4) * scale, y + (row + 4) * scale, scale, scale, [0, 0, 0]);
      }
    }
  }

  /** The smallest valid PNG encoding (8-bit RGBA, no filtering): what a screenshot tool writes, bar the filters. */
  png(): Uint8Array {
    const rows = Buffer.alloc((this.width * 4 + 1) * this.height);
    for (let row = 0; row < this.height; row++) {
      const line = this.pixels.subarray(row * this.width * 4, (row + 1) * this.width * 4);
      rows.set(line, row * (this.width * 4 + 1) + 1);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header.set([8, 6, 0, 0, 0], 8);
    return new Uint8Array(
      Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', header),
        chunk('IDAT', deflateSync(rows)),
        chunk('IEND', Buffer.alloc(0)),
      ]),
    );
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

describe('readQrCode', () => {
  const fetch = vi.fn(() => Promise.reject(new Error('no network in tests')));
  beforeAll(() => void vi.stubGlobal('fetch', fetch));
  afterAll(() => void vi.unstubAllGlobals());

  it('reads a wc: link from a QR code, with the decoder loaded from the package file, never fetched', async () => {
    expect(await readQrCode(await qrPng(WC_URI))).toBe(WC_URI);
    const deepLink = `https://metamask.app.link/wc?uri=${encodeURIComponent(WC_URI)}`;
    expect(await readQrCode(await qrPng(deepLink))).toBe(deepLink);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('finds a small code in a large screenshot-like image, taking the WalletConnect one among several', async () => {
    const screen = new Canvas(1920, 1080);
    screen.fill(0, 0, 1920, 64, [32, 33, 36]);
    for (let i = 0; i < 12; i++)
      screen.fill(80 + i * 140, 200 + (i % 3) * 90, 110, 40, [60 + i * 12, 90, 200]);
    screen.qr('https://example.com/download-our-app', 300, 560, 4);
    screen.qr(WC_URI, 1400, 600, 3);
    const png = screen.png();
    expect(png.byteLength).toBeLessThan(MAX_PNG_BYTES);
    expect(await readQrCode(png)).toBe(WC_URI);
  });

  it('says so when there is no code, or the code is not WalletConnect', async () => {
    await expect(readQrCode(new Canvas(400, 300).png())).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/^No QR code was found in that image/),
    });
    await expect(readQrCode(await qrPng('https://app.uniswap.org'))).rejects.toThrow(
      /QR code in that image is not a WalletConnect link/,
    );
  });

  it('refuses what is not a PNG, too large, damaged, or claims too many pixels, before decoding', async () => {
    const png = await qrPng(WC_URI);
    const claiming = (width: number, height: number) => {
      const copy = png.slice();
      new DataView(copy.buffer).setUint32(16, width);
      new DataView(copy.buffer).setUint32(20, height);
      return copy;
    };
    const cases: [Uint8Array, RegExp][] = [
      [new TextEncoder().encode(WC_URI), /not a PNG image/],
      [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Uint8Array(64)]), /not a PNG image/],
      [png.subarray(0, 20), /not a PNG image/],
      [new Uint8Array(MAX_PNG_BYTES + 1), /larger than 8 MB/],
      // A few hundred bytes that would unpack to 1.6 GB of pixels.
      [claiming(20_000, 20_000), /20000 × 20000 pixels, more than the QR reader takes \(40 megapixels\)/],
      [claiming(0, 10), /no pixels/],
      [png.subarray(0, 60), /could not be read/],
    ];
    for (const [bytes, message] of cases) {
      await expect(readQrCode(bytes)).rejects.toMatchObject({
        code: 'invalid_request',
        message: expect.stringMatching(message),
      });
    }
  });
});
