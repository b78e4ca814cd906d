import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareZXingModule, readBarcodes, ZXING_WASM_SHA256, ZXING_WASM_VERSION } from 'zxing-wasm/reader';
import { ApiError } from '../../../shared/api/envelope';
import { unwrapPairingUri } from './pairingUri';

/** As `PairWalletConnectImage` bounds it: 8 MB of PNG. */
export const MAX_PNG_BYTES = 8 * 1024 * 1024;
/**
 * An 8K screen is 33 megapixels. The decoder holds the whole image in memory (4 bytes a pixel and more), and
 * a PNG of a few kilobytes can claim far more, so the size the header claims is checked before decoding.
 */
export const MAX_PIXELS = 40_000_000;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const refused = (message: string) => new ApiError('invalid_request', message);
const unreadable = (options: { cause?: unknown; detail?: string }) =>
  new ApiError('invalid_request', 'That image could not be read. Copy or pick it again.', options);

let reader: Promise<unknown> | undefined;

/**
 * The decoder's wasm comes from a file shipped with the app, never from the CDN zxing-wasm fetches by
 * default. scripts/build.mjs copies the package's file beside each bundle (dist/main/electron.cjs, and the
 * browser host, whose banner defines `__dirname`), inside app.asar once packaged (Electron reads files in it);
 * run from the sources (tests), the file is the installed package's, found with its export name. Either way
 * its hash must be the one this zxing-wasm release was built with.
 */
function wasmFile(): string {
  const besideBundle = join(__dirname, 'zxing_reader.wasm');
  return existsSync(besideBundle) ? besideBundle : require.resolve('zxing-wasm/reader/zxing_reader.wasm');
}

function loadReader(): Promise<unknown> {
  reader ??= (async () => {
    const file = readFileSync(wasmFile());
    const digest = createHash('sha256').update(file).digest('hex');
    if (digest !== ZXING_WASM_SHA256) {
      throw new Error(`The QR reader's wasm file is not the one zxing-wasm ${ZXING_WASM_VERSION} ships.`);
    }
    const wasmBinary = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })();
  // A failed load is tried again next time rather than remembered.
  reader.catch(() => (reader = undefined));
  return reader;
}

/**
 * The WalletConnect link in a QR code in a PNG (a screenshot of a dApp, or a region of the screen). With
 * several codes, the first one that holds a `wc:` link (or a wallet deep link to one) wins. The link is
 * returned as the code holds it; `parsePairingUri` checks it.
 */
export async function readQrCode(png: Uint8Array): Promise<string> {
  checkPng(png);
  await loadReader();
  let results;
  try {
    results = await readBarcodes(png, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 16 });
  } catch (error) {
    throw unreadable({ cause: error });
  }
  // An image the decoder cannot load comes back as one result that is not valid, with the reason.
  const failure = results.find((result) => !result.isValid && result.error)?.error;
  const codes = results.filter((result) => result.isValid);
  if (codes.length === 0 && failure) throw unreadable({ detail: failure });
  if (codes.length === 0) {
    throw refused(
      'No QR code was found in that image. Pick a region that holds the whole QR code, or copy the ' +
        "dApp's link instead.",
    );
  }
  const link = codes.map((code) => code.text.trim()).find((text) => unwrapPairingUri(text).startsWith('wc:'));
  if (link === undefined) {
    throw refused(
      'The QR code in that image is not a WalletConnect link. Use the QR code the dApp shows after you pick ' +
        '"WalletConnect".',
    );
  }
  return link;
}

/** Size, signature and the dimensions in the header (IHDR is always the first chunk), before any decoding. */
function checkPng(png: Uint8Array): void {
  if (png.byteLength > MAX_PNG_BYTES) {
    throw refused('That image is larger than 8 MB. Pick a smaller region around the QR code.');
  }
  const isPng =
    png.byteLength >= 24 &&
    PNG_SIGNATURE.every((byte, i) => png[i] === byte) &&
    String.fromCharCode(...png.subarray(12, 16)) === 'IHDR';
  if (!isPng) throw refused('That is not a PNG image. Copy the QR code as an image, or pick it on screen.');
  const header = new DataView(png.buffer, png.byteOffset + 16, 8);
  const width = header.getUint32(0);
  const height = header.getUint32(4);
  if (width === 0 || height === 0) throw refused('That PNG image is damaged: it has no pixels.');
  if (width * height > MAX_PIXELS) {
    throw refused(
      `That image is ${width} × ${height} pixels, more than the QR reader takes (${MAX_PIXELS / 1_000_000} ` +
        'megapixels). Pick a smaller region around the QR code.',
    );
  }
}
