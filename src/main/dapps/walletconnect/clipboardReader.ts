/**
 * The system clipboard, read in main and only when the user asks to pair from it. The page itself may never
 * read the clipboard (see src/main/electron/permissionPolicy.ts): what main reads here goes no further than
 * the QR decoder and the `wc:` URI check, so a page can learn nothing from it but whether pairing worked.
 * The Electron shell passes one over Electron's clipboard; the browser host has none.
 */
export interface ClipboardReader {
  /** The clipboard's image as PNG, or null when it holds none. */
  readImage(): Promise<Uint8Array | null>;
  readText(): Promise<string>;
}
