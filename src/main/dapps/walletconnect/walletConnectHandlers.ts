import type { walletConnectCalls } from '../../../shared/api/calls/walletConnect';
import { ApiError } from '../../../shared/api/envelope';
import type { FamilyHandlers } from '../../api/router';
import type { ClipboardReader } from './clipboardReader';
import type { WalletConnectService } from './walletConnectService';

type ReadQr = (png: Uint8Array) => Promise<string>;

const NO_CLIPBOARD = 'This window cannot read the clipboard. Paste the link into the field instead.';
const NOTHING_COPIED = 'The clipboard holds no WalletConnect link and no image of a QR code. Copy one first.';

/**
 * What to pair with from the clipboard: a copied link first (what "Copy link" in a dApp leaves), else the QR
 * code in a copied image, else whatever text there is, for the link check to say what is wrong with it.
 */
export async function clipboardLink(clipboard: ClipboardReader | undefined, readQr: ReadQr): Promise<string> {
  if (!clipboard) throw new ApiError('invalid_state', NO_CLIPBOARD);
  const text = (await clipboard.readText()).slice(0, 4096).trim();
  if (/wc:/i.test(text)) return text;
  const image = await clipboard.readImage();
  if (image) return readQr(image);
  if (text) return text;
  throw new ApiError('invalid_request', NOTHING_COPIED);
}

/** The `walletconnect.*` calls. `readQr` finds the link in a QR code of a PNG (./qrImage). */
export function walletConnectHandlers(
  service: WalletConnectService,
  readQr: ReadQr,
  clipboard: ClipboardReader | undefined,
): FamilyHandlers<typeof walletConnectCalls> {
  return {
    'walletconnect.view': () => service.view(),
    'walletconnect.pair': ({ uri }) => service.pair(uri),
    'walletconnect.pairClipboard': async () => service.pair(await clipboardLink(clipboard, readQr)),
    'walletconnect.pairImage': async ({ png }) => service.pair(await readQr(Buffer.from(png, 'base64'))),
    'walletconnect.disconnect': ({ topic }) => service.disconnect(topic),
  };
}
